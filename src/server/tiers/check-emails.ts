import 'server-only';
import type { Tx } from '@/server/db';
import { suggestEmail, suggestionMessage } from '@/shared/email/check-email';
import { displayName } from '@/shared/tiers/names';
import { tiersByEmails } from './tiers.sql';
import { formatLongDay } from '@/shared/dates';

// The server half of the address check (issue 15 item 2; the rules are in src/shared/email/check-email.ts): a typo
// suggestion, the same address already on another active tiers, and an address a hard bounce marked "invalide", for
// one address or a whole import batch in a single query.

export type EmailWarning =
  | { kind: 'suggestion'; message: string; suggestion: string }
  | { kind: 'shared'; message: string; tiers: { id: string; name: string; externalRef: string | null } }
  | { kind: 'rejected'; message: string };

export type EmailToCheck = {
  email: string | null;
  /** The tiers the address is for (its id, or its référence in an import), which is not "another" tiers. */
  tiersId?: string | null;
  externalRef?: string | null;
};

/**
 * Warnings for each item, in order. One query for all of them, whatever their number (≤ a few thousand). The
 * addresses' form is already checked by the callers' schemas (ZEmail, ZContactDetails): not again here.
 */
export async function checkEmails(tx: Tx, items: EmailToCheck[]): Promise<EmailWarning[][]> {
  const emails = [...new Set(items.flatMap((i) => (i.email ? [i.email.trim().toLowerCase()] : [])))];
  const wanted = new Set(emails);
  const owners = new Map<string, { id: string; name: string; externalRef: string | null }[]>();
  /** Addresses a hard bounce marked "invalide" (docs/decisions/022), with when. */
  const rejected = new Map<string, Date | null>();
  if (emails.length) {
    const found = await tiersByEmails(tx, emails);
    for (const t of found) {
      if (t.emailInvalidAddress) rejected.set(t.emailInvalidAddress, t.emailInvalidAt);
      if (!t.email || !wanted.has(t.email)) continue;
      const list = owners.get(t.email) ?? [];
      list.push({ id: t.id, name: displayName(t), externalRef: t.externalRef });
      owners.set(t.email, list);
    }
  }
  return items.map((item) => {
    if (!item.email) return [];
    const email = item.email.trim().toLowerCase();
    const warnings: EmailWarning[] = [];
    const suggestion = suggestEmail(email);
    if (suggestion) warnings.push({ kind: 'suggestion', message: suggestionMessage(suggestion), suggestion });
    if (rejected.has(email)) {
      const at = rejected.get(email);
      warnings.push({
        kind: 'rejected',
        message: `Un mail à cette adresse a été rejeté${at ? ` le ${formatLongDay(at)}` : ''} (adresse inexistante) : demandez la bonne adresse à la personne.`,
      });
    }
    for (const other of owners.get(email) ?? []) {
      if (other.id === item.tiersId || (item.externalRef && other.externalRef === item.externalRef)) continue;
      warnings.push({
        kind: 'shared',
        message: `Adresse déjà utilisée par ${other.name}${other.externalRef ? ` (${other.externalRef})` : ''} : vérifiez qu’elle est bien celle de cette personne.`,
        tiers: other,
      });
    }
    return warnings;
  });
}

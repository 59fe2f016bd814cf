import 'server-only';
import { recordEvent, type Actor, type JournalEvent } from '@/server/journal/record-event';
import type { Tx } from '@/server/db';

export const tiersFieldsSelect = {
  kind: true,
  civility: true,
  lastName: true,
  firstName: true,
  companyName: true,
  email: true,
  phone: true,
  addressLine: true,
  postalCode: true,
  city: true,
  externalRef: true,
} as const;

/** tiers.updated names the changed fields; an e-mail change also gets its own event with old and new, for the diagnostic. */
type TiersSnapshot = Record<keyof typeof tiersFieldsSelect, string | null>;

export async function recordTiersChanges(
  tx: Tx,
  audit: Actor,
  id: string,
  before: TiersSnapshot,
  after: TiersSnapshot,
) {
  const changed = (Object.keys(tiersFieldsSelect) as (keyof TiersSnapshot)[]).filter(
    (k) => (before[k] ?? null) !== (after[k] ?? null),
  );
  if (!changed.length) return;
  await recordEvent(tx, audit, {
    type: 'tiers.updated',
    tiersId: id,
    targetId: id,
    details: { fields: changed },
  });
  if (changed.includes('email')) await recordEvent(tx, audit, emailChangeEvent(id, before.email, after.email, 'form'));
}

/** The diagnostic explains "I no longer receive mails" with this event: written by the form and by imports. */
export function emailChangeEvent(
  id: string,
  old: string | null,
  next: string | null,
  source: 'form' | 'import' | 'extranet',
): JournalEvent {
  return {
    type: 'tiers.email_changed',
    tiersId: id,
    targetId: id,
    details: { old, new: next, source },
  };
}

import 'server-only';
import type { MailStatus, MailType } from '@/generated/prisma/enums';
import { recordEvents, type Actor } from '@/server/journal/record-event';
import type { Tx } from '@/server/db';

// A person's unsent mails die with the secret or the address they carry: the outbox's own rule, below every domain
// that retires them (access, extranet, tiers when staff change an e-mail, the import) (docs/decisions/046).

/**
 * Not delivered (yet): waiting for review, queued or being sent, failed and waiting for "Réessayer", or a letter
 * waiting to be printed (docs/decisions/025).
 */
export const UNSENT_STATUSES: MailStatus[] = ['PENDING_REVIEW', 'SENDING', 'FAILED', 'TO_PRINT'];

export type RetiredMail = { id: string; accountId: string | null; tiersId: string | null };

/**
 * When credentials die (Désinscrire, a new envelope), so do the secrets of the accounts' unsent mails of these types,
 * whatever their status. A mail no dispatcher holds becomes `status` (Annulé, Remplacé) at once; a held one (a lease:
 * being sent, or its dispatcher crashed) only loses its secret, and the dispatcher's send-time check gives it its
 * status, so a mail that did leave is never shown as cancelled. Returns the mails whose status changed.
 */
export async function retireUnsentMails(
  tx: Tx,
  accountIds: string[],
  types: MailType[],
  status: 'CANCELLED' | 'REPLACED',
): Promise<RetiredMail[]> {
  if (!accountIds.length) return [];
  const where = { accountId: { in: accountIds }, type: { in: types }, status: { in: UNSENT_STATUSES } };
  const retired = await tx.outboxMail.updateManyAndReturn({
    where: { ...where, leaseUntil: null },
    data: { status, secretCiphertext: null, nextAttemptAt: null },
    select: { id: true, accountId: true, tiersId: true },
  });
  await tx.outboxMail.updateMany({
    where: { ...where, secretCiphertext: { not: null } },
    data: { secretCiphertext: null },
  });
  return retired;
}

/**
 * retireUnsentMails, each mail whose status changed journaled (`mail.cancelled` / `mail.replaced` with `reason`) by
 * `actor`, in the caller's transaction. A held mail is journaled by the dispatcher when it withdraws it.
 */
export async function withdrawUnsentMails(
  tx: Tx,
  actor: Actor,
  accountIds: string[],
  types: MailType[],
  status: 'CANCELLED' | 'REPLACED',
  reason: string,
): Promise<RetiredMail[]> {
  const retired = await retireUnsentMails(tx, accountIds, types, status);
  await recordEvents(
    tx,
    actor,
    retired.map((m) => ({
      type: status === 'REPLACED' ? 'mail.replaced' : 'mail.cancelled',
      tiersId: m.tiersId,
      targetType: 'OutboxMail',
      targetId: m.id,
      details: { reason },
    })),
  );
  return retired;
}

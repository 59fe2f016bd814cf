import 'server-only';
import type { MailStatus, MailType } from '@/generated/prisma/enums';
import type { Tx } from '@/server/db';

export const CREDENTIAL_MAIL_TYPES: MailType[] = ['CREDENTIALS', 'ACTIVATION_LINK'];
/** A reminder to use credentials (docs/decisions/027): it dies with them (Désinscrire, new credentials). */
export const REMINDER_MAIL_TYPES: MailType[] = ['REMINDER'];
/**
 * Mails whose secret (password or link) dies with Désinscrire, and the reminders of those credentials; the
 * password-changed notice still leaves.
 */
export const SECRET_MAIL_TYPES: MailType[] = [
  ...CREDENTIAL_MAIL_TYPES,
  'PASSWORD_RESET',
  'EMAIL_CHANGE_CONFIRM',
  ...REMINDER_MAIL_TYPES,
];
/**
 * Not delivered (yet): waiting for review, queued or being sent, failed and waiting for "Réessayer", or a letter
 * waiting to be printed (docs/decisions/025).
 */
export const UNSENT_STATUSES: MailStatus[] = ['PENDING_REVIEW', 'SENDING', 'FAILED', 'TO_PRINT'];

/**
 * When credentials die (Désinscrire, a new envelope), so do the secrets of the accounts' unsent mails of these types,
 * whatever their status. A mail no dispatcher holds becomes `status` (Annulé, Remplacé) at once; a held one (a lease:
 * being sent, or its dispatcher crashed) only loses its secret, and the dispatcher's send-time check gives it its
 * status, so a mail that did leave is never shown as cancelled. Returns the ids whose status changed.
 */
export async function retireUnsentMails(
  tx: Tx,
  accountIds: string[],
  types: MailType[],
  status: 'CANCELLED' | 'REPLACED',
): Promise<{ id: string; accountId: string | null }[]> {
  const where = { accountId: { in: accountIds }, type: { in: types }, status: { in: UNSENT_STATUSES } };
  const retired = await tx.outboxMail.updateManyAndReturn({
    where: { ...where, leaseUntil: null },
    data: { status, secretCiphertext: null, nextAttemptAt: null },
    select: { id: true, accountId: true },
  });
  await tx.outboxMail.updateMany({
    where: { ...where, secretCiphertext: { not: null } },
    data: { secretCiphertext: null },
  });
  return retired;
}

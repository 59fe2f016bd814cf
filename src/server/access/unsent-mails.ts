import 'server-only';
import type { MailType } from '@/generated/prisma/enums';
import type { Tx } from '@/server/db';
import { CREDENTIAL_MAIL_TYPES } from '@/server/outbox/mail-kinds';

/** Mails carrying a one-time link other than the credentials' own: it dies with any change of the credentials. */
export const LINK_MAIL_TYPES: MailType[] = ['PASSWORD_RESET', 'EMAIL_CHANGE_CONFIRM'];
/** A reminder to use credentials (docs/decisions/027): it dies with them (Désinscrire, new credentials). */
export const REMINDER_MAIL_TYPES: MailType[] = ['REMINDER'];
/**
 * Mails whose secret (password or link) dies with Désinscrire, and the reminders of those credentials; the
 * password-changed notice still leaves.
 */
export const SECRET_MAIL_TYPES: MailType[] = [...CREDENTIAL_MAIL_TYPES, ...LINK_MAIL_TYPES, ...REMINDER_MAIL_TYPES];
/** The credential mail waiting for review of one person: what the toolbar's loupe opens right after an envelope. */
export async function pendingCredentialMailId(tx: Tx, tiersId: string): Promise<string | null> {
  const mail = await tx.outboxMail.findFirst({
    where: { account: { tiersId }, type: { in: CREDENTIAL_MAIL_TYPES }, status: 'PENDING_REVIEW' },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  });
  return mail?.id ?? null;
}

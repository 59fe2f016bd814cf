import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { MailType } from '@/generated/prisma/enums';

export const CREDENTIAL_MAIL_TYPES: MailType[] = ['CREDENTIALS', 'ACTIVATION_LINK'];
/** Mails whose secret (password or link) dies with Désinscrire; the password-changed notice still leaves. */
export const SECRET_MAIL_TYPES: MailType[] = [...CREDENTIAL_MAIL_TYPES, 'PASSWORD_RESET'];

/**
 * Mails of these accounts that have not left and that no dispatcher holds: waiting for review, or queued for
 * sending but not yet claimed (a claimed mail has a lease). Those are the ones Désinscrire cancels and a new
 * envelope replaces.
 */
export function unsentMailWhere(accountIds: string[]): Prisma.OutboxMailWhereInput {
  return {
    accountId: { in: accountIds },
    OR: [{ status: 'PENDING_REVIEW' }, { status: 'SENDING', leaseUntil: null }],
  };
}

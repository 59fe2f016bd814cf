import type { MailType } from '@/generated/prisma/enums';

/** The mails that carry an account's credentials (a temporary password or an activation link): decision 021. */
export const CREDENTIAL_MAIL_TYPES: MailType[] = ['CREDENTIALS', 'ACTIVATION_LINK'];

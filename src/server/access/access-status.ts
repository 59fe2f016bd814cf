import type { AccountStatus, MailStatus } from '@/generated/prisma/enums';

import type { AccessStatus } from '@/shared/access/access-status-labels';

export { ACCESS_STATUS_LABELS, type AccessStatus } from '@/shared/access/access-status-labels';

export type AccountFacts = {
  status: AccountStatus;
  enrolledAt: Date;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
};
export type CredentialMailFacts = { status: MailStatus; createdAt: Date };

/**
 * Derives the display status from the account and its latest credential mail (shared rule, helper brief).
 * A login or a mail from before the current enrolment does not count: after Désinscrire then Inscrire, the
 * old credentials are gone, so the person is "identifiants à envoyer" again (docs/decisions/010).
 */
export function accessStatus(
  account: AccountFacts | null,
  latestCredentialMail: CredentialMailFacts | null,
  now = new Date(),
): AccessStatus {
  if (!account) return 'NOT_ENROLLED';
  if (account.status === 'UNENROLLED') return 'UNENROLLED';
  if (account.lockedUntil && account.lockedUntil > now) return 'LOCKED';
  if (account.lastLoginAt && account.lastLoginAt >= account.enrolledAt) return 'ACTIVE';
  // A printed letter (docs/decisions/025) is sent as far as the person is concerned.
  const sent = latestCredentialMail?.status === 'SENT' || latestCredentialMail?.status === 'PRINTED';
  if (sent && latestCredentialMail!.createdAt >= account.enrolledAt) return 'CREDENTIALS_SENT';
  return 'CREDENTIALS_TO_SEND';
}

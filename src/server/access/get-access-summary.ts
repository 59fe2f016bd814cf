import 'server-only';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { displayName } from '@/server/tiers/names';
import { accessStatus, type AccessStatus } from './access-status';
import { CREDENTIAL_MAIL_TYPES } from './unsent-mails';

export type AccessSummary = {
  tiersId: string;
  name: string;
  email: string | null;
  login: string | null;
  status: AccessStatus;
  lastLoginAt: Date | null;
  credentialsGeneratedAt: Date | null;
  credentialsGeneratedBy: string | null;
};

/** The facts the (minimal) Diagnostic de connexion shows for one person. */
export async function getAccessSummary(tiersId: string): Promise<AccessSummary> {
  const tiers = await db.tiers.findFirst({
    where: { id: tiersId, archivedAt: null },
    select: {
      id: true,
      civility: true,
      firstName: true,
      lastName: true,
      companyName: true,
      email: true,
      account: {
        select: {
          login: true,
          status: true,
          enrolledAt: true,
          lockedUntil: true,
          lastLoginAt: true,
          credentialsGeneratedAt: true,
          credentialsGeneratedBy: { select: { name: true } },
          outboxMails: {
            where: { type: { in: CREDENTIAL_MAIL_TYPES } },
            orderBy: { createdAt: 'desc' },
            take: 1,
            select: { status: true, createdAt: true },
          },
        },
      },
    },
  });
  if (!tiers) throw new NotFoundError('tiers');
  const account = tiers.account;
  return {
    tiersId: tiers.id,
    name: displayName(tiers),
    email: tiers.email,
    login: account?.login ?? null,
    status: accessStatus(account, account?.outboxMails[0] ?? null),
    lastLoginAt: account?.lastLoginAt ?? null,
    credentialsGeneratedAt: account?.credentialsGeneratedAt ?? null,
    credentialsGeneratedBy: account?.credentialsGeneratedBy?.name ?? null,
  };
}

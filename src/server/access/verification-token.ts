import 'server-only';
import type { VerificationType } from '@/generated/prisma/enums';
import { LINK_MAIL_TYPES } from './unsent-mails';
import { withdrawUnsentMails, type RetiredMail } from '@/server/outbox/withdraw-unsent-mails';
import type { Actor } from '@/server/journal/record-event';
import { appLink } from '@/server/http/app-link';
import { hashToken } from '@/server/crypto/token';
import { db, type Tx } from '@/server/db';

export function passwordLink(token: string): string {
  return appLink('/extranet/nouveau-mot-de-passe', token);
}

/**
 * Every link of the accounts dies (activation, reset, e-mail change): call it inside the transaction that changes
 * their credentials (envelope, Désinscrire, a password set or changed), so that a link mailed before cannot be
 * used after (docs/decisions/035). The unsent mails carrying a reset or e-mail-change link lose their secret and
 * are cancelled, journaled with `reason` (docs/decisions/043); the credential mails are the caller's to retire
 * (Remplacé by an envelope, Annulé by Désinscrire). Returns the mails cancelled.
 */
export async function revokeAccountTokens(
  tx: Tx,
  accountIds: string | string[],
  actor: Actor,
  reason: string,
): Promise<RetiredMail[]> {
  const ids = typeof accountIds === 'string' ? [accountIds] : accountIds;
  await tx.verification.deleteMany({ where: { accountId: { in: ids } } });
  return withdrawUnsentMails(tx, actor, ids, LINK_MAIL_TYPES, 'CANCELLED', reason);
}

export type UsableVerification = {
  id: string;
  type: VerificationType;
  accountId: string;
  login: string;
  names: (string | null)[];
};

/** The verification a link's token names, if it is unused, unexpired, and its account still enrolled. */
export async function findUsableVerification(token: string): Promise<UsableVerification | null> {
  if (!token || token.length > 200) return null;
  const row = await db.verification.findFirst({
    where: {
      tokenHash: hashToken(token),
      type: { in: ['ACTIVATION', 'PASSWORD_RESET'] },
      usedAt: null,
      expiresAt: { gt: new Date() },
      account: { status: 'ENROLLED' },
    },
    select: {
      id: true,
      type: true,
      accountId: true,
      account: { select: { login: true, tiers: { select: { firstName: true, lastName: true, companyName: true } } } },
    },
  });
  if (!row) return null;
  const { tiers } = row.account;
  return {
    id: row.id,
    type: row.type,
    accountId: row.accountId,
    login: row.account.login,
    names: [tiers.firstName, tiers.lastName, tiers.companyName],
  };
}

import 'server-only';
import type { TiersKind } from '@/generated/prisma/enums';
import { db } from '@/server/db';
import { displayName } from '@/server/tiers/names';

export type ExtranetActor = {
  accountId: string;
  sessionId: string;
  tiersId: string;
  login: string;
  kind: TiersKind;
  name: string;
  mustChangePassword: boolean;
};

const LAST_SEEN_EVERY_MS = 5 * 60_000;

/**
 * The extranet person behind a token, or null. A session is valid only while its account is ENROLLED, the token's
 * credential version equals the account's, and its ExtranetSession row is not revoked: Désinscrire, new credentials,
 * a password change and "Se déconnecter partout" therefore end it on the next request.
 */
export async function findValidExtranetSession(token: {
  accountId: string;
  cv: number;
  sessionId: string;
}): Promise<ExtranetActor | null> {
  const session = await db.extranetSession.findFirst({
    where: {
      id: token.sessionId,
      accountId: token.accountId,
      revokedAt: null,
      account: { status: 'ENROLLED', credentialVersion: token.cv },
    },
    select: {
      lastSeenAt: true,
      account: {
        select: {
          login: true,
          tiersId: true,
          mustChangePassword: true,
          tiers: { select: { kind: true, civility: true, firstName: true, lastName: true, companyName: true } },
        },
      },
    },
  });
  if (!session) return null;
  // A coarse "last seen" for the diagnostic, without a write on every request.
  if (Date.now() - session.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await db.extranetSession.updateMany({
      where: { id: token.sessionId, revokedAt: null },
      data: { lastSeenAt: new Date() },
    });
  }
  const { account } = session;
  return {
    accountId: token.accountId,
    sessionId: token.sessionId,
    tiersId: account.tiersId,
    login: account.login,
    kind: account.tiers.kind,
    name: displayName(account.tiers),
    mustChangePassword: account.mustChangePassword,
  };
}

export type SessionIdentity = { accountId: string; credentialVersion: number; sessionId: string };

/** What the session cookie must carry for a session that is open (not revoked, account still enrolled). */
export async function sessionIdentity(sessionId: string): Promise<SessionIdentity | null> {
  const session = await db.extranetSession.findFirst({
    where: { id: sessionId, revokedAt: null, account: { status: 'ENROLLED' } },
    select: { accountId: true, account: { select: { credentialVersion: true } } },
  });
  return session && { accountId: session.accountId, credentialVersion: session.account.credentialVersion, sessionId };
}

import 'server-only';
import { db } from '@/server/db';

/**
 * Whether an extranet session token still holds: the session row exists and is not revoked, and the account is
 * enrolled with the credential version the token carries. Désinscrire, new credentials and a password change
 * all bump the version or revoke the row, so the next request of that person is signed out.
 */
export async function isExtranetSessionValid(token: { accountId: string; cv: number; sid: string }): Promise<boolean> {
  const session = await db.extranetSession.findFirst({
    where: { id: token.sid, accountId: token.accountId, revokedAt: null, account: { status: 'ENROLLED', credentialVersion: token.cv } },
    select: { id: true },
  });
  return session !== null;
}

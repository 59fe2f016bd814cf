import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { endAllSessions, endCurrentSession } from '@/server/extranet/end-sessions';
import { createHandoff, readHandoff } from '@/server/extranet/handoff';
import { findValidExtranetSession, sessionIdentity } from '@/server/extranet/session-validity';
import { createExtranetAccount } from '../factories/extranet';

/** Signs in for real and returns what the JWT would carry. */
async function signIn() {
  const { account, login, password } = await createExtranetAccount();
  const result = await authenticateExtranet({ login, password, ip: null, userAgent: null });
  if (!result.ok) throw new Error(result.error);
  return { account, token: { accountId: result.accountId, cv: result.credentialVersion, sessionId: result.sessionId } };
}

describe('extranet sessions are checked against the database', () => {
  it('a fresh session is valid and names the person', async () => {
    const { account, token } = await signIn();
    expect(await findValidExtranetSession(token)).toMatchObject({ accountId: account.id, tiersId: account.tiersId, kind: 'LOCATAIRE', mustChangePassword: false });
    // Another account's id with this session id is not accepted.
    const other = await createExtranetAccount();
    expect(await findValidExtranetSession({ ...token, accountId: other.account.id })).toBeNull();
  });

  it('Désinscrire (as the access desk does it) ends the session at once', async () => {
    const { account, token } = await signIn();
    await db.$transaction([
      db.extranetAccount.update({ where: { id: account.id }, data: { status: 'UNENROLLED', unenrolledAt: new Date(), credentialVersion: { increment: 1 } } }),
      db.extranetPassword.deleteMany({ where: { accountId: account.id } }),
      db.extranetSession.updateMany({ where: { accountId: account.id }, data: { revokedAt: new Date() } }),
    ]);
    expect(await findValidExtranetSession(token)).toBeNull();
    // Even status alone is enough.
    const second = await signIn();
    await db.extranetAccount.update({ where: { id: second.account.id }, data: { status: 'UNENROLLED' } });
    expect(await findValidExtranetSession(second.token)).toBeNull();
  });

  it('new credentials (credential version +1) end the session', async () => {
    const { account, token } = await signIn();
    await db.extranetAccount.update({ where: { id: account.id }, data: { credentialVersion: { increment: 1 } } });
    expect(await findValidExtranetSession(token)).toBeNull();
  });

  it('"Se déconnecter" ends this session only; "Se déconnecter partout" ends them all', async () => {
    const { account, login, password } = await createExtranetAccount();
    const open = async () => {
      const r = await authenticateExtranet({ login, password, ip: null, userAgent: null });
      if (!r.ok) throw new Error(r.error);
      return { accountId: r.accountId, cv: r.credentialVersion, sessionId: r.sessionId };
    };
    const [a, b, c] = [await open(), await open(), await open()];
    await endCurrentSession({ accountId: account.id, sessionId: a.sessionId });
    expect(await findValidExtranetSession(a)).toBeNull();
    expect(await findValidExtranetSession(b)).not.toBeNull();
    expect(await endAllSessions({ accountId: account.id, tiersId: account.tiersId }, '203.0.113.3')).toBe(2);
    expect(await findValidExtranetSession(b)).toBeNull();
    expect(await findValidExtranetSession(c)).toBeNull();
    expect(await db.auditEvent.count({ where: { type: 'extranet.signed_out_everywhere', actorAccountId: account.id } })).toBe(1);
  });

  it('a handoff names its session only while signed and fresh, and never revives an ended session', async () => {
    const { account, token } = await signIn();
    const handoff = createHandoff(token.sessionId);
    expect(readHandoff(handoff)).toBe(token.sessionId);
    expect(readHandoff(handoff.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBeNull();
    expect(readHandoff(`${token.sessionId}.${Date.now() + 60_000}.forged`)).toBeNull();
    expect(readHandoff(handoff, Date.now() + 61_000)).toBeNull();
    expect(await sessionIdentity(token.sessionId)).toEqual({ id: account.id, kind: 'extranet', cv: 0, sid: token.sessionId });
    await endCurrentSession({ accountId: account.id, sessionId: token.sessionId });
    expect(await sessionIdentity(token.sessionId)).toBeNull();
  });
});

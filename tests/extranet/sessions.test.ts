import { decode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { SESSION_MAX_AGE_S } from '@/server/auth/session-cookie';
import { getConfig } from '@/server/config';
import { db } from '@/server/db';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { endAllSessions, endCurrentSession } from '@/server/extranet/end-sessions';
import { findValidExtranetSession, sessionIdentity } from '@/server/extranet/session-validity';
import { extranetSessionCookie } from '@/server/extranet/sign-in';
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
    expect(await findValidExtranetSession(token)).toMatchObject({
      accountId: account.id,
      tiersId: account.tiersId,
      kind: 'LOCATAIRE',
      mustChangePassword: false,
    });
    // Another account's id with this session id is not accepted.
    const other = await createExtranetAccount();
    expect(await findValidExtranetSession({ ...token, accountId: other.account.id })).toBeNull();
  });

  it('Désinscrire (as the access desk does it) ends the session at once', async () => {
    const { account, token } = await signIn();
    await db.$transaction([
      db.extranetAccount.update({
        where: { id: account.id },
        data: { status: 'UNENROLLED', unenrolledAt: new Date(), credentialVersion: { increment: 1 } },
      }),
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
    expect(
      await db.auditEvent.count({ where: { type: 'extranet.signed_out_everywhere', actorAccountId: account.id } }),
    ).toBe(1);
  });

  it('the session cookie is an Auth.js token for this session, and only an open session gets one', async () => {
    const { account, token } = await signIn();
    const cookie = extranetSessionCookie({
      accountId: token.accountId,
      credentialVersion: token.cv,
      sessionId: token.sessionId,
    });
    expect(cookie).toMatchObject({
      name: 'authjs.session-token',
      options: { httpOnly: true, sameSite: 'lax', secure: false },
    });
    const claims = await decode({ token: cookie.value, secret: getConfig().authSecret, salt: cookie.name });
    expect(claims).toMatchObject({ sub: account.id, kind: 'extranet', cv: 0, sid: token.sessionId });
    expect(claims!.exp! - claims!.iat!).toBe(SESSION_MAX_AGE_S);
    // Auth.js reads every token we make (fresh iv and jti each time), and nobody can alter one.
    const again = extranetSessionCookie({
      accountId: token.accountId,
      credentialVersion: token.cv,
      sessionId: token.sessionId,
    });
    expect(again.value).not.toBe(cookie.value);
    expect(await decode({ token: again.value, secret: getConfig().authSecret, salt: again.name })).toMatchObject({
      sub: account.id,
      sid: token.sessionId,
    });
    const parts = cookie.value.split('.');
    parts[3] = (parts[3][0] === 'A' ? 'B' : 'A') + parts[3].slice(1);
    await expect(
      decode({ token: parts.join('.'), secret: getConfig().authSecret, salt: cookie.name }),
    ).rejects.toThrow();
    // Another secret, or another cookie name, cannot read it.
    await expect(decode({ token: cookie.value, secret: 'x'.repeat(32), salt: cookie.name })).rejects.toThrow();
    await expect(
      decode({ token: cookie.value, secret: getConfig().authSecret, salt: '__Secure-authjs.session-token' }),
    ).rejects.toThrow();

    expect(await sessionIdentity(token.sessionId)).toEqual({
      accountId: account.id,
      credentialVersion: 0,
      sessionId: token.sessionId,
    });
    await endCurrentSession({ accountId: account.id, sessionId: token.sessionId });
    expect(await sessionIdentity(token.sessionId)).toBeNull();
  });
});

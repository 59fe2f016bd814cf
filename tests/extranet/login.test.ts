import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { LOGIN_FAILED, TEMPORARY_PASSWORD_EXPIRED } from '@/server/extranet/messages';
import type { SignInResult } from '@/server/session/sign-in';
import { hashToken } from '@/server/crypto/token';
import { createExtranetAccount } from '../factories/extranet';

const request = (login: string, password: string, ip: string | null = null) =>
  authenticateExtranet({ login, password, ip, userAgent: 'vitest' });
const publicPart = (r: SignInResult) => (r.ok ? { ok: true } : { ok: false, error: r.error });

describe('extranet sign-in', () => {
  it('accepts the right password whatever the case and spaces around the identifiant, and opens a session', async () => {
    const { account, login, password } = await createExtranetAccount();
    const result = await request(`  ${login.toUpperCase()} `, password, '203.0.113.5');
    expect(result).toMatchObject({
      ok: true,
      person: { id: account.id, credentialVersion: 0, mustChangePassword: false },
    });
    if (!result.ok) return;
    const session = await db.session.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({
      audience: 'EXTRANET',
      accountId: account.id,
      revokedAt: null,
      ip: '203.0.113.5',
      tokenHash: hashToken(result.token),
    });
    const after = await db.extranetAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.lastLoginAt).not.toBeNull();
    expect(after.failedLoginCount).toBe(0);
    expect(await db.auditEvent.count({ where: { type: 'extranet.login', actorAccountId: account.id } })).toBe(1);
    expect(await db.loginAttempt.findFirst({ where: { accountId: account.id } })).toMatchObject({
      outcome: 'SUCCESS',
      loginInput: login,
    });
  });

  it('answers every failure with the same message, and records the internal reason', async () => {
    const known = await createExtranetAccount();
    const unenrolled = await createExtranetAccount({ status: 'UNENROLLED', password: null });
    const results = [
      await request(known.login, 'not-the-password'),
      await request('personne.zzzz', 'not-the-password'),
      await request(unenrolled.login, known.password),
    ];
    for (const r of results) expect(publicPart(r)).toEqual({ ok: false, error: LOGIN_FAILED });
    const outcomes = await db.loginAttempt.findMany({
      orderBy: { id: 'asc' },
      select: { outcome: true, loginInput: true },
    });
    expect(outcomes.slice(-3)).toEqual([
      { outcome: 'WRONG_PASSWORD', loginInput: known.login },
      { outcome: 'UNKNOWN_LOGIN', loginInput: 'personne.zzzz' },
      { outcome: 'UNENROLLED', loginInput: unenrolled.login },
    ]);
  });

  it('takes about as long for an unknown identifiant as for a known one (dummy hash)', async () => {
    const accounts = await Promise.all(Array.from({ length: 5 }, () => createExtranetAccount()));
    await request('warm.up00', 'x'); // the dummy hash is made once per process
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      await request(accounts[i].login, 'wrong-password-here');
      known.push(performance.now() - t);
      t = performance.now();
      await request(`inconnu.${i}abc`, 'wrong-password-here');
      unknown.push(performance.now() - t);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const [k, u] = [median(known), median(unknown)];
    // Both are dominated by one argon2id verification; a missing dummy hash would make "unknown" several times faster.
    expect(Math.abs(k - u)).toBeLessThan(Math.max(30, 0.35 * Math.max(k, u)));
    expect(u).toBeGreaterThan(0.6 * k);
  });

  it('refuses an expired temporary password with a message to contact the agency', async () => {
    const { account, login, password } = await createExtranetAccount({
      temporary: true,
      expiresAt: new Date(Date.now() - 60_000),
    });
    const result = await request(login, password);
    expect(publicPart(result)).toEqual({ ok: false, error: TEMPORARY_PASSWORD_EXPIRED });
    expect(
      await db.loginAttempt.findFirst({ where: { accountId: account.id }, orderBy: { id: 'desc' } }),
    ).toMatchObject({ outcome: 'TEMPORARY_PASSWORD_EXPIRED' });
    expect(await db.session.count({ where: { accountId: account.id } })).toBe(0);
    // A wrong password on the same account still gets the generic message.
    expect(publicPart(await request(login, 'wrong-password'))).toEqual({ ok: false, error: LOGIN_FAILED });
  });

  it('lets a valid temporary password in, flagged to change it', async () => {
    const { login, password } = await createExtranetAccount({ temporary: true });
    expect(await request(login, password)).toMatchObject({ ok: true, person: { mustChangePassword: true } });
  });

  it('rehashes a password stored with weaker parameters at login', async () => {
    const argon2 = (await import('argon2')).default;
    const { account, login, password } = await createExtranetAccount();
    const weak = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await db.extranetPassword.update({ where: { accountId: account.id }, data: { hash: weak } });
    expect(await request(login, password)).toMatchObject({ ok: true });
    const { hash } = await db.extranetPassword.findUniqueOrThrow({ where: { accountId: account.id } });
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });
});

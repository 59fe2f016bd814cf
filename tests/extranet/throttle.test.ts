import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { LOGIN_FAILED } from '@/server/extranet/messages';
import { bucketKey, IP_POLICY, ipKey, LOGIN_POLICY, loginKey } from '@/server/session/throttle';
import { createExtranetAccount } from '../factories/extranet';

const request = (login: string, password: string, ip: string | null = null) =>
  authenticateExtranet({ login, password, ip, userAgent: 'vitest' });
const errorOf = async (p: ReturnType<typeof request>) => {
  const r = await p;
  return r.ok ? 'OK' : r.error;
};
/** Ends the running delay or lock the way time would: in the database, not by mocking our clock. */
const endWaits = async (accountId: string | null, login?: string) => {
  const past = new Date(Date.now() - 1000);
  if (accountId) await db.extranetAccount.update({ where: { id: accountId }, data: { lockedUntil: past } });
  if (login)
    await db.throttleBucket.updateMany({ where: { key: bucketKey(loginKey(login)) }, data: { lockedUntil: past } });
};

describe('throttling per identifiant', () => {
  it('grows delays, then locks; the lock ends by itself and the right password works again', async () => {
    const { account, login, password } = await createExtranetAccount();
    expect(await errorOf(request(login, 'wrong-1'))).toBe(LOGIN_FAILED);
    expect(await errorOf(request(login, 'wrong-2'))).toBe(LOGIN_FAILED);
    // The third failure starts a short wait and says so.
    expect(await errorOf(request(login, 'wrong-3'))).toMatch(
      /^Identifiant ou mot de passe incorrect.*patientez \d+ secondes/,
    );
    // During the wait even the right password is not checked.
    expect(await errorOf(request(login, password))).toMatch(/^Trop de tentatives : patientez/);
    await endWaits(account.id);
    expect(await errorOf(request(login, 'wrong-4'))).toMatch(/patientez/);
    await endWaits(account.id);
    expect(await errorOf(request(login, 'wrong-5'))).toMatch(/Réessayez à partir de \d\d:\d\d/);
    const locked = await db.extranetAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(locked.failedLoginCount).toBe(LOGIN_POLICY.lockAt);
    expect(locked.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(await errorOf(request(login, password))).toMatch(/Réessayez à partir de/);
    expect(await db.loginAttempt.count({ where: { accountId: account.id, outcome: 'LOCKED' } })).toBe(2);

    await endWaits(account.id);
    expect(await request(login, password)).toMatchObject({ ok: true });
    expect(await db.extranetAccount.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({
      failedLoginCount: 0,
      lockedUntil: null,
    });
  });

  it('applies the same delays and lock to an identifiant that does not exist, with the same messages', async () => {
    const { account, login } = await createExtranetAccount();
    const ghost = 'fantome.k7m2';
    for (let i = 1; i <= LOGIN_POLICY.lockAt; i++) {
      const [known, unknown] = [
        await errorOf(request(login, `wrong-${i}`)),
        await errorOf(request(ghost, `wrong-${i}`)),
      ];
      expect(unknown.replace(/\d+/g, 'N')).toBe(known.replace(/\d+/g, 'N'));
      await endWaits(i < LOGIN_POLICY.lockAt ? account.id : null, i < LOGIN_POLICY.lockAt ? ghost : undefined);
    }
    expect(await errorOf(request(ghost, 'x'))).toMatch(/Réessayez à partir de/);
  });

  it('lets 50 parallel wrong attempts check at most the allowed number of passwords', async () => {
    const { account, login } = await createExtranetAccount();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => request(login, `wrong-${i}`)));
    expect(results.every((r) => !r.ok)).toBe(true);
    const checked = await db.loginAttempt.count({ where: { accountId: account.id, outcome: 'WRONG_PASSWORD' } });
    const refused = await db.loginAttempt.count({ where: { accountId: account.id, outcome: 'LOCKED' } });
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(LOGIN_POLICY.lockAt);
    expect(checked + refused).toBe(50);
    expect(
      (await db.extranetAccount.findUniqueOrThrow({ where: { id: account.id } })).failedLoginCount,
    ).toBeLessThanOrEqual(LOGIN_POLICY.lockAt);
  });

  it('does the same for 50 parallel attempts on an unknown identifiant', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => request('inconnu.abcd', `wrong-${i}`)));
    expect(results.every((r) => !r.ok)).toBe(true);
    const checked = await db.loginAttempt.count({ where: { loginInput: 'inconnu.abcd', outcome: 'UNKNOWN_LOGIN' } });
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(LOGIN_POLICY.lockAt);
  });
});

describe('throttling per address', () => {
  it('stops a spray across many identifiants from one address, not another address', async () => {
    const ip = '198.51.100.7';
    const results = await Promise.all(
      Array.from({ length: IP_POLICY.lockAt + 10 }, (_, i) => request(`spray.${i}`, 'Motdepasse123', ip)),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const throttled = await db.loginAttempt.count({ where: { ip, outcome: 'THROTTLED' } });
    expect(throttled).toBeGreaterThanOrEqual(10);
    expect(await db.loginAttempt.count({ where: { ip, outcome: 'UNKNOWN_LOGIN' } })).toBeLessThanOrEqual(
      IP_POLICY.lockAt,
    );
    const { login, password } = await createExtranetAccount();
    expect(await errorOf(request(login, password, ip))).toMatch(/Trop de tentatives/);
    expect(await request(login, password, '198.51.100.8')).toMatchObject({ ok: true });
  });

  it('does not count successful sign-ins against the address', async () => {
    const ip = '198.51.100.9';
    const { login, password } = await createExtranetAccount();
    for (let i = 0; i < 5; i++) expect(await request(login, password, ip)).toMatchObject({ ok: true });
    expect((await db.throttleBucket.findUniqueOrThrow({ where: { key: bucketKey(ipKey(ip)) } })).failures).toBe(0);
  });
});

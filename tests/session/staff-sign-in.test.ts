// Issue 12: the staff sign-in goes through the same guarded sign-in as the extranet's: the same throttle per login and
// per address, the same generic message for a known and an unknown e-mail, the same work on both paths.
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/server/db';
import { STAFF_LOGIN_FAILED } from '@/server/session/messages';
import { bucketKey, IP_POLICY, LOGIN_POLICY, staffLoginKey } from '@/server/session/throttle';
import { authenticateStaff } from '@/server/staff/authenticate-staff';
import { executeStaffAction } from '@/server/auth/staff-action';
import { createStaffUser } from '../factories';
import { unlockStaffAction } from '@/server/staff/actions';

const request = (login: string, password: string, ip: string | null = null) =>
  authenticateStaff({ login, password, ip, userAgent: 'vitest' });
const errorOf = async (p: ReturnType<typeof request>) => {
  const r = await p;
  return r.ok ? 'OK' : r.error;
};

describe('staff sign-in', () => {
  it('accepts the right password with a case-insensitive e-mail, records the login and the address', async () => {
    const staff = await createStaffUser({ email: 'claire@agence.fr' });
    const result = await request('  Claire@Agence.FR ', staff.password, '203.0.113.9');
    expect(result).toMatchObject({ ok: true, person: { id: staff.id, role: 'GESTIONNAIRE' } });
    const event = await db.auditEvent.findFirst({ where: { actorStaffId: staff.id, type: 'staff.login' } });
    expect(event?.ip).toBe('203.0.113.9');
    expect(await db.loginAttempt.findFirst({ where: { staffId: staff.id } })).toMatchObject({
      outcome: 'SUCCESS',
      loginInput: 'claire@agence.fr',
    });
  });

  it('refuses a wrong password, an unknown e-mail and a disabled account with one message and no journal write', async () => {
    const staff = await createStaffUser();
    const events = await db.auditEvent.count();
    const disabled = await createStaffUser();
    await db.staffUser.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    for (const [login, password] of [
      [staff.email, 'wrong-password'],
      ['nobody@agence.fr', staff.password],
      [disabled.email, disabled.password],
    ])
      expect(await errorOf(request(login, password))).toBe(STAFF_LOGIN_FAILED);
    expect(await db.auditEvent.count()).toBe(events);
    const outcomes = await db.loginAttempt.findMany({ orderBy: { id: 'desc' }, take: 3, select: { outcome: true } });
    expect(outcomes.map((o) => o.outcome).reverse()).toEqual(['WRONG_PASSWORD', 'UNKNOWN_LOGIN', 'UNENROLLED']);
  });

  it('lets 50 parallel wrong attempts check at most the allowed number of passwords, then locks by itself', async () => {
    const argon2 = (await import('argon2')).default;
    const verify = vi.spyOn(argon2, 'verify');
    const staff = await createStaffUser({ role: 'ADMIN' });
    verify.mockClear();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => request(staff.email, `wrong-${i}`)));
    expect(results.every((r) => !r.ok)).toBe(true);
    // Password checks actually made (argon2 verifications), and what the attempts say.
    expect(verify.mock.calls.length).toBeGreaterThan(0);
    expect(verify.mock.calls.length).toBeLessThanOrEqual(3); // the 3rd failure starts a 30 s wait
    verify.mockRestore();
    const checked = await db.loginAttempt.count({ where: { staffId: staff.id, outcome: 'WRONG_PASSWORD' } });
    const refused = await db.loginAttempt.count({ where: { staffId: staff.id, outcome: 'LOCKED' } });
    expect(checked + refused).toBe(50);
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.failedLoginCount).toBeLessThanOrEqual(LOGIN_POLICY.lockAt);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // The right password during the wait is refused too; the lock is journaled and the ADMIN told by mail.
    expect(await errorOf(request(staff.email, staff.password))).toMatch(/^Trop de tentatives/);
    expect(await db.auditEvent.count({ where: { type: 'staff.locked', targetId: staff.id } })).toBeGreaterThan(0);
    expect(
      await db.outboxMail.count({
        where: { type: 'STAFF_NOTICE', toAddress: staff.email, subject: { contains: 'verrouillé' } },
      }),
    ).toBeGreaterThan(0);
    // An ADMIN lifts it ("Déverrouiller"); the right password works again.
    const other = await createStaffUser({ role: 'ADMIN' });
    expect(await executeStaffAction(unlockStaffAction, other, { staffId: staff.id }, null)).toMatchObject({ ok: true });
    expect(await request(staff.email, staff.password)).toMatchObject({ ok: true });
  });

  it('counts an unknown e-mail the same way, in a hashed bucket', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => request('ghost@agence.fr', 'x-wrong')));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(
      await db.loginAttempt.count({ where: { loginInput: 'ghost@agence.fr', outcome: 'UNKNOWN_LOGIN' } }),
    ).toBeLessThanOrEqual(3);
    const bucket = await db.throttleBucket.findUniqueOrThrow({
      where: { key: bucketKey(staffLoginKey('ghost@agence.fr')) },
    });
    expect(bucket.key).not.toContain('ghost');
    expect(bucket.key).toMatch(/^staff-login:[A-Za-z0-9_-]{43}$/);
  });

  it('shares the per-address count with the extranet sign-in', async () => {
    const ip = '198.51.100.20';
    await Promise.all(Array.from({ length: IP_POLICY.lockAt }, (_, i) => request(`spray${i}@agence.fr`, 'wrong', ip)));
    const staff = await createStaffUser();
    expect(await errorOf(request(staff.email, staff.password, ip))).toMatch(/Trop de tentatives/);
  });
});

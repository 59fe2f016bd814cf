// Issue 12: one session model for staff and extranet. Each revocation cause, for each audience, refuses the token a
// copied cookie would carry on its next request (every page, server action and route handler resolves the person
// through findSession; e2e/equipe.spec.ts drives the same through the browser).
import { describe, expect, it } from 'vitest';
import { generateCredentialsAction, unenrollAction } from '@/server/access/actions';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { changeOwnPassword } from '@/server/extranet/change-password';
import { endAllSessions, endCurrentSession } from '@/server/extranet/end-sessions';
import { resetPasswordWithToken } from '@/server/extranet/reset-password-with-token';
import { extranetActor } from '@/server/extranet/session-validity';
import { findSession, revokeSession } from '@/server/session/sessions';
import { hashToken } from '@/server/crypto/token';
import { authenticateStaff } from '@/server/staff/authenticate-staff';
import { resetStaffPassword } from '@/server/staff/manage-staff';
import { createStaffUser } from '../factories';
import { createExtranetAccount, createVerification, GOOD_PASSWORD } from '../factories/extranet';
import { findEverywhere } from '../helpers/find-everywhere';
import { changeStaffRoleAction, disableStaffAction } from '@/server/staff/actions';
import { endAllStaffSessions } from '@/server/staff/end-staff-sessions';

const NEW_PASSWORD = 'Glycine-Hérisson-Tambour-42';

async function extranetSignIn(account?: Awaited<ReturnType<typeof createExtranetAccount>>, remember = false) {
  const a = account ?? (await createExtranetAccount());
  const result = await authenticateExtranet({
    login: a.login,
    password: a.password,
    ip: null,
    userAgent: 'vitest',
    remember,
  });
  if (!result.ok) throw new Error(result.error);
  return { ...a, token: result.token, sessionId: result.sessionId };
}

async function staffSignIn(staff?: Awaited<ReturnType<typeof createStaffUser>>) {
  const s = staff ?? (await createStaffUser({ role: 'GESTIONNAIRE' }));
  const result = await authenticateStaff({ login: s.email, password: s.password, ip: null, userAgent: 'vitest' });
  if (!result.ok) throw new Error(result.error);
  return { staff: s, token: result.token, sessionId: result.sessionId };
}

const admin = () => createStaffUser({ role: 'ADMIN' });

describe('a session is a row found by the hash of a random token', () => {
  it('keeps only the SHA-256 of the token: the token itself is nowhere in the database', async () => {
    const extranet = await extranetSignIn();
    const staff = await staffSignIn();
    for (const token of [extranet.token, staff.token]) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await findEverywhere(token)).toEqual([]);
      expect(await db.session.count({ where: { tokenHash: hashToken(token) } })).toBe(1);
    }
  });

  it('names its person and audience; a token of one audience is refused by the other', async () => {
    const extranet = await extranetSignIn();
    const staff = await staffSignIn();
    const session = await findSession(extranet.token, 'EXTRANET');
    expect(extranetActor(session!)).toMatchObject({
      accountId: extranet.account.id,
      tiersId: extranet.account.tiersId,
    });
    expect((await findSession(staff.token, 'STAFF'))?.staff).toMatchObject({
      id: staff.staff.id,
      role: 'GESTIONNAIRE',
    });
    expect(await findSession(extranet.token, 'STAFF')).toBeNull();
    expect(await findSession(staff.token, 'EXTRANET')).toBeNull();
    expect(await findSession('not-a-token', 'STAFF')).toBeNull();
  });

  it('ends after its idle time and at its absolute expiry; a request pushes the idle expiry back', async () => {
    const { token, sessionId } = await staffSignIn();
    const row = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    // Defaults: staff idle 2 h, absolute 12 h.
    expect(row.idleExpiresAt.getTime() - row.createdAt.getTime()).toBe(2 * 3_600_000);
    expect(row.absoluteExpiresAt.getTime() - row.createdAt.getTime()).toBe(12 * 3_600_000);
    // Seen 10 minutes ago: this request moves "last seen" and the idle expiry.
    await db.session.update({
      where: { id: sessionId },
      data: { lastSeenAt: new Date(Date.now() - 600_000), idleExpiresAt: new Date(Date.now() - 600_000 + 7_200_000) },
    });
    expect(await findSession(token, 'STAFF')).not.toBeNull();
    const touched = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(touched.idleExpiresAt.getTime()).toBeGreaterThan(Date.now() + 7_100_000);
    await db.session.update({ where: { id: sessionId }, data: { idleExpiresAt: new Date(Date.now() - 1000) } });
    expect(await findSession(token, 'STAFF')).toBeNull();

    const other = await staffSignIn();
    await db.session.update({
      where: { id: other.sessionId },
      data: { absoluteExpiresAt: new Date(Date.now() - 1000) },
    });
    expect(await findSession(other.token, 'STAFF')).toBeNull();
  });

  it('extranet: 30 minutes idle, or 30 days with "Rester connecté"; lifetimes follow Paramètres', async () => {
    const plain = await extranetSignIn();
    const kept = await extranetSignIn(undefined, true);
    const [a, b] = await Promise.all(
      [plain.sessionId, kept.sessionId].map((id) => db.session.findUniqueOrThrow({ where: { id } })),
    );
    expect(a.idleExpiresAt.getTime() - a.createdAt.getTime()).toBe(30 * 60_000);
    expect(a.remember).toBe(false);
    expect(b.absoluteExpiresAt.getTime() - b.createdAt.getTime()).toBe(30 * 86_400_000);
    expect(b.remember).toBe(true);
    await db.agencySettings.upsert({
      where: { id: 1 },
      create: { id: 1, staffIdleMinutes: 15 },
      update: { staffIdleMinutes: 15 },
    });
    const staff = await staffSignIn();
    const row = await db.session.findUniqueOrThrow({ where: { id: staff.sessionId } });
    expect(row.idleExpiresAt.getTime() - row.createdAt.getTime()).toBe(15 * 60_000);
    await db.agencySettings.update({ where: { id: 1 }, data: { staffIdleMinutes: 120 } });
  });
});

describe('every revocation cause refuses a copied extranet cookie at once', () => {
  it('Se déconnecter (this device only) and Se déconnecter partout', async () => {
    const account = await createExtranetAccount();
    const [a, b, c] = [await extranetSignIn(account), await extranetSignIn(account), await extranetSignIn(account)];
    await endCurrentSession({ sessionId: a.sessionId });
    expect(await findSession(a.token, 'EXTRANET')).toBeNull();
    expect(await findSession(b.token, 'EXTRANET')).not.toBeNull();
    expect(await endAllSessions({ accountId: account.account.id, tiersId: account.account.tiersId }, null)).toBe(2);
    expect(await findSession(b.token, 'EXTRANET')).toBeNull();
    expect(await findSession(c.token, 'EXTRANET')).toBeNull();
  });

  it('Désinscrire and new credentials (the access desk)', async () => {
    const staff = await createStaffUser({ role: 'GESTIONNAIRE' });
    const one = await extranetSignIn();
    await executeStaffAction(unenrollAction, staff, { ids: [one.account.tiersId] }, null);
    expect(await findSession(one.token, 'EXTRANET')).toBeNull();
    const two = await extranetSignIn();
    expect((await executeStaffAction(generateCredentialsAction, staff, { ids: [two.account.tiersId] }, null)).ok).toBe(
      true,
    );
    expect(await findSession(two.token, 'EXTRANET')).toBeNull();
    expect(await db.session.findUniqueOrThrow({ where: { id: two.sessionId } })).toMatchObject({
      revokedReason: 'credentials',
    });
  });

  it('a password change in Sécurité (this session kept) and a reset link', async () => {
    const account = await createExtranetAccount();
    const here = await extranetSignIn(account);
    const elsewhere = await extranetSignIn(account);
    const actor = extranetActor((await findSession(here.token, 'EXTRANET'))!)!;
    await changeOwnPassword(actor, { current: GOOD_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, null);
    expect(await findSession(here.token, 'EXTRANET')).not.toBeNull();
    expect(await findSession(elsewhere.token, 'EXTRANET')).toBeNull();

    const jeton = await createVerification(account.account.id, 'PASSWORD_RESET');
    const other = 'Cerisier-Pélican-Boussole-58';
    const { token } = await resetPasswordWithToken(
      { jeton, password: other, confirm: other },
      { ip: null, userAgent: null },
    );
    expect(await findSession(here.token, 'EXTRANET')).toBeNull();
    expect(await findSession(token, 'EXTRANET')).not.toBeNull();
  });
});

describe('every revocation cause refuses a copied staff cookie at once', () => {
  it('Se déconnecter (this device) and Se déconnecter partout', async () => {
    const staff = await createStaffUser();
    const [a, b] = [await staffSignIn(staff), await staffSignIn(staff)];
    await revokeSession(db, a.sessionId, 'signed_out');
    expect(await findSession(a.token, 'STAFF')).toBeNull();
    expect(await findSession(b.token, 'STAFF')).not.toBeNull();
    expect(await endAllStaffSessions({ type: 'STAFF', staffId: staff.id, ip: null }, staff.id)).toBe(1);
    expect(await findSession(b.token, 'STAFF')).toBeNull();
  });

  it('disabled, role changed (Équipe), password reset (CLI)', async () => {
    const boss = await admin();
    const disabled = await staffSignIn();
    expect(await executeStaffAction(disableStaffAction, boss, { staffId: disabled.staff.id }, null)).toMatchObject({
      ok: true,
    });
    expect(await findSession(disabled.token, 'STAFF')).toBeNull();

    const promoted = await staffSignIn();
    expect(
      await executeStaffAction(changeStaffRoleAction, boss, { staffId: promoted.staff.id, role: 'SUPPORT' }, null),
    ).toMatchObject({
      ok: true,
    });
    expect(await findSession(promoted.token, 'STAFF')).toBeNull();

    const reset = await staffSignIn();
    await resetStaffPassword(reset.staff.email, 'Another-Password-2026');
    expect(await findSession(reset.token, 'STAFF')).toBeNull();
  });

  it('a staff session ended by disabling stays ended after re-enabling; an altered token opens nothing', async () => {
    const boss = await admin();
    const s = await staffSignIn();
    await executeStaffAction(disableStaffAction, boss, { staffId: s.staff.id }, null);
    await db.staffUser.update({ where: { id: s.staff.id }, data: { disabledAt: null } });
    expect(await findSession(s.token, 'STAFF')).toBeNull();
    expect(await findSession(s.token.toUpperCase(), 'STAFF')).toBeNull();
  });
});

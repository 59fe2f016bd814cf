// Paramètres → Équipe: every change through the real staff actions, the invitation mail through the centre d'envoi
// and a real SMTP peer, the activation link, then the sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeStaffAction, MESSAGES } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { authenticateStaff } from '@/server/staff/authenticate-staff';
import { createStaffUser } from '../factories';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';
import { dispatcherFor } from '../outbox/helpers';
import {
  changeStaffRoleAction,
  disableStaffAction,
  enableStaffAction,
  endStaffSessionsAction,
  inviteStaffAction,
  sendStaffResetAction,
} from '@/server/staff/actions';
import { LAST_ADMIN } from '@/server/staff/manage-staff';
import { listTeam } from '@/server/staff/list-team';
import { setStaffPasswordFromLink } from '@/server/staff/set-staff-password';
import { STAFF_LINK_INVALID } from '@/server/staff/staff-link';

let peer: SmtpPeer;
beforeAll(async () => void (peer = await startSmtpPeer()));
afterAll(() => peer.close());

const PASSWORD = 'Baobab-Libellule-Sextant-93';
const signIn = (email: string, password: string) =>
  authenticateStaff({ login: email, password, ip: null, userAgent: null });
const linkIn = (raw: string) => {
  const text = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return decodeURIComponent(/\/gestion\/activation\?jeton=([\w%-]+)/.exec(text)![1]);
};

describe('Équipe', () => {
  it('invites a member: activation mail at the SMTP peer, password chosen under the policy, then sign-in', async () => {
    const admin = await createStaffUser({ role: 'ADMIN' });
    const result = await executeStaffAction(
      inviteStaffAction,
      admin,
      { name: 'Claire Martin', email: 'Claire.Martin@Agence.fr', role: 'GESTIONNAIRE' },
      '203.0.113.4',
    );
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('claire.martin@agence.fr') });
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: 'claire.martin@agence.fr' } });
    expect(mail).toMatchObject({ type: 'STAFF_NOTICE', status: 'SENDING' });
    expect(mail.text).not.toMatch(/jeton=/); // the link waits encrypted until the mail leaves
    await dispatcherFor(peer.url).drain();
    const [received] = await peer.waitFor(1);
    const jeton = linkIn(received.raw);
    // Before activation there is no password: nothing signs in.
    expect(await signIn('claire.martin@agence.fr', PASSWORD)).toMatchObject({ ok: false });
    await expect(setStaffPasswordFromLink({ jeton, password: 'claire', confirm: 'claire' }, null)).rejects.toThrow(
      /ne convient pas/,
    );
    await setStaffPasswordFromLink({ jeton, password: PASSWORD, confirm: PASSWORD }, null);
    await expect(setStaffPasswordFromLink({ jeton, password: PASSWORD, confirm: PASSWORD }, null)).rejects.toThrow(
      STAFF_LINK_INVALID,
    );
    expect(await signIn('claire.martin@agence.fr', PASSWORD)).toMatchObject({ ok: true });
    const member = (await listTeam()).find((m) => m.email === 'claire.martin@agence.fr')!;
    expect(member).toMatchObject({ role: 'GESTIONNAIRE', invitedAt: null, activeSessions: 1 });
    expect(member.lastLoginAt).not.toBeNull();
    const events = await db.auditEvent.findMany({ where: { targetId: member.id }, select: { type: true } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['staff.invited', 'staff.password_set']));
    // The same e-mail twice is refused with what to do.
    expect(
      await executeStaffAction(
        inviteStaffAction,
        admin,
        { name: 'Autre', email: 'claire.martin@agence.fr', role: 'SUPPORT' },
        null,
      ),
    ).toMatchObject({ ok: false, error: expect.stringContaining('existe déjà') });
  });

  it('disables (sessions end), re-enables, sends a reset link, ends sessions; every change journaled', async () => {
    const admin = await createStaffUser({ role: 'ADMIN' });
    const member = await createStaffUser({ role: 'SUPPORT' });
    expect(await signIn(member.email, member.password)).toMatchObject({ ok: true });
    expect(await executeStaffAction(endStaffSessionsAction, admin, { staffId: member.id }, null)).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^1 session de .* terminée/),
    });
    await signIn(member.email, member.password);
    expect(await executeStaffAction(disableStaffAction, admin, { staffId: member.id }, null)).toMatchObject({
      ok: true,
    });
    expect(await db.session.count({ where: { staffId: member.id, revokedAt: null } })).toBe(0);
    expect(await signIn(member.email, member.password)).toMatchObject({ ok: false });
    expect(await executeStaffAction(enableStaffAction, admin, { staffId: member.id }, null)).toMatchObject({
      ok: true,
    });
    expect(await signIn(member.email, member.password)).toMatchObject({ ok: true });
    expect(await executeStaffAction(sendStaffResetAction, admin, { staffId: member.id }, null)).toMatchObject({
      ok: true,
    });
    expect(await db.staffToken.count({ where: { staffId: member.id, type: 'PASSWORD_RESET' } })).toBe(1);
    const types = (await db.auditEvent.findMany({ where: { targetId: member.id }, select: { type: true } })).map(
      (e) => e.type,
    );
    expect(types).toEqual(
      expect.arrayContaining(['staff.sessions_ended', 'staff.disabled', 'staff.enabled', 'staff.reset_link_sent']),
    );
  });

  it('keeps the last active ADMIN: not disabled, not demoted, even by themself; only ADMIN manages the team', async () => {
    await db.staffUser.updateMany({ where: { role: 'ADMIN' }, data: { disabledAt: new Date() } });
    const admin = await createStaffUser({ role: 'ADMIN' });
    expect(await executeStaffAction(disableStaffAction, admin, { staffId: admin.id }, null)).toEqual({
      ok: false,
      error: LAST_ADMIN,
    });
    expect(
      await executeStaffAction(changeStaffRoleAction, admin, { staffId: admin.id, role: 'SUPPORT' }, null),
    ).toEqual({
      ok: false,
      error: LAST_ADMIN,
    });
    // With a second ADMIN, two parallel demotions cannot both succeed.
    const second = await createStaffUser({ role: 'ADMIN' });
    const results = await Promise.all([
      executeStaffAction(changeStaffRoleAction, admin, { staffId: second.id, role: 'SUPPORT' }, null),
      executeStaffAction(changeStaffRoleAction, second, { staffId: admin.id, role: 'SUPPORT' }, null),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.staffUser.count({ where: { role: 'ADMIN', disabledAt: null } })).toBe(1);
    const gestionnaire = await createStaffUser({ role: 'GESTIONNAIRE' });
    expect(await executeStaffAction(disableStaffAction, gestionnaire, { staffId: admin.id }, null)).toEqual({
      ok: false,
      error: MESSAGES.forbidden,
    });
  });
});

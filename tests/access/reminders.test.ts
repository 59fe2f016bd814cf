// Issue 15, item 4: the activation funnel, "Relancer", and the automatic reminder (docs/decisions/027). Mails go
// through the real dispatcher to a real SMTP peer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCredentialsAction, remindAction, unenrollAction } from '@/server/access/actions';
import { getActivationFunnel } from '@/server/access/get-activation-funnel';
import { queueDueReminders } from '@/server/access/queue-due-reminders';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { decryptSecret } from '@/server/crypto/secret-box';
import { createStaffUser } from '../factories';
import { createEnrolledTiers, staffAudit } from '../factories/access';
import { dispatcherFor } from '../outbox/helpers';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';
import { sendMailsAction } from '@/server/outbox/actions';
import { updateReminderSettingsAction } from '@/server/settings/actions';

let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
});
afterAll(() => peer.close());

const DAY = 86_400_000;
const ip = '203.0.113.44';

/** Enrolled, credentials generated, sent and delivered through the dispatcher: "Identifiants envoyés". */
async function sentCredentials() {
  const { staff, audit } = await staffAudit();
  const { tiers, account } = await createEnrolledTiers(audit);
  expect(await executeStaffAction(generateCredentialsAction, staff, { ids: [tiers.id] }, ip)).toMatchObject({
    ok: true,
  });
  const mail = await db.outboxMail.findFirstOrThrow({ where: { accountId: account.id, status: 'PENDING_REVIEW' } });
  const password = decryptSecret(mail.secretCiphertext!);
  expect((await executeStaffAction(sendMailsAction, staff, { ids: [mail.id] }, ip)).ok).toBe(true);
  await dispatcherFor(peer.url).drain();
  expect((await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe('SENT');
  return { staff, tiers, account, password, mail };
}

const expirePassword = (accountId: string, inMs: number) =>
  db.extranetPassword.update({ where: { accountId }, data: { expiresAt: new Date(Date.now() + inMs) } });

const remindersOf = (accountId: string) => db.outboxMail.findMany({ where: { accountId, type: 'REMINDER' } });

describe('the activation funnel', () => {
  it('counts sent, activated, never activated, expired unused and bounced, for current enrolments', async () => {
    const before = await getActivationFunnel();
    const active = await sentCredentials();
    expect(
      (await authenticateExtranet({ login: active.account.login, password: active.password, ip, userAgent: 't' })).ok,
    ).toBe(true);
    await sentCredentials();
    const expired = await sentCredentials();
    await expirePassword(expired.account.id, -DAY);
    const bounced = await sentCredentials();
    await db.outboxMail.update({ where: { id: bounced.mail.id }, data: { status: 'FAILED' } });
    // Sent, then bounced by the recipient's server (docs/decisions/022): it left, and never arrived.
    const rejected = await sentCredentials();
    await db.outboxMail.update({ where: { id: rejected.mail.id }, data: { status: 'BOUNCED' } });
    const unenrolled = await sentCredentials();
    await executeStaffAction(unenrollAction, unenrolled.staff, { ids: [unenrolled.tiers.id] }, ip);

    const after = await getActivationFunnel();
    expect({
      sent: after.sent - before.sent,
      activated: after.activated - before.activated,
      neverActivated: after.neverActivated - before.neverActivated,
      expiredUnused: after.expiredUnused - before.expiredUnused,
      bounced: after.bounced - before.bounced,
    }).toEqual({ sent: 4, activated: 1, neverActivated: 3, expiredUnused: 1, bounced: 2 });
  });
});

describe('Relancer', () => {
  it('queues a reminder while the password is valid, new credentials once expired; the reminder signs nobody in', async () => {
    const valid = await sentCredentials();
    const expired = await sentCredentials();
    await expirePassword(expired.account.id, -DAY);
    const result = await executeStaffAction(remindAction, valid.staff, { ids: [valid.tiers.id, expired.tiers.id] }, ip);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('1 relance préparée') });
    expect(result.ok && result.message).toContain('de nouveaux identifiants sont générés');

    const [reminder] = await remindersOf(valid.account.id);
    expect(reminder).toMatchObject({ status: 'PENDING_REVIEW', secretCiphertext: null, toAddress: valid.tiers.email });
    expect(reminder.text).toContain(valid.account.login);
    expect(reminder.text).not.toContain(valid.password);
    // The valid password still works; the expired person has a fresh credential mail waiting.
    expect((await db.extranetAccount.findUniqueOrThrow({ where: { id: valid.account.id } })).credentialVersion).toBe(
      reminder.credentialVersion,
    );
    expect(
      await db.outboxMail.count({
        where: { accountId: expired.account.id, type: 'CREDENTIALS', status: 'PENDING_REVIEW' },
      }),
    ).toBe(1);
    expect(await remindersOf(expired.account.id)).toEqual([]);
    expect(await db.auditEvent.count({ where: { type: 'access.reminder_queued', targetId: reminder.id } })).toBe(1);

    // Sent, it reaches the person.
    expect((await executeStaffAction(sendMailsAction, valid.staff, { ids: [reminder.id] }, ip)).ok).toBe(true);
    const before = peer.received.length;
    await dispatcherFor(peer.url).drain();
    expect(peer.received.slice(before).map((m) => m.to)).toEqual([[valid.tiers.email]]);
  });

  it('never goes to a désinscrit or an active person: the whole selection is refused, nothing queued', async () => {
    const waiting = await sentCredentials();
    const active = await sentCredentials();
    await authenticateExtranet({ login: active.account.login, password: active.password, ip, userAgent: 't' });
    const gone = await sentCredentials();
    await executeStaffAction(unenrollAction, gone.staff, { ids: [gone.tiers.id] }, ip);
    const mailsBefore = await db.outboxMail.count();

    for (const [other, reason] of [
      [active, "s'est déjà connecté(e)"],
      [gone, 'est désinscrit(e)'],
    ] as const) {
      const result = await executeStaffAction(
        remindAction,
        waiting.staff,
        { ids: [waiting.tiers.id, other.tiers.id] },
        ip,
      );
      expect(result).toMatchObject({ ok: false, error: expect.stringContaining(reason) });
    }
    const support = await createStaffUser({ role: 'SUPPORT' });
    expect(await executeStaffAction(remindAction, support, { ids: [waiting.tiers.id] }, ip)).toMatchObject({
      ok: false,
    });
    expect(await db.outboxMail.count()).toBe(mailsBefore);
  });

  it('a queued reminder is not sent to someone who signs in or is désinscrit before it leaves', async () => {
    const signsIn = await sentCredentials();
    const leaves = await sentCredentials();
    await executeStaffAction(remindAction, signsIn.staff, { ids: [signsIn.tiers.id, leaves.tiers.id] }, ip);
    const reminders = await db.outboxMail.findMany({
      where: { type: 'REMINDER', accountId: { in: [signsIn.account.id, leaves.account.id] } },
    });
    expect((await executeStaffAction(sendMailsAction, signsIn.staff, { ids: reminders.map((r) => r.id) }, ip)).ok).toBe(
      true,
    );
    await authenticateExtranet({ login: signsIn.account.login, password: signsIn.password, ip, userAgent: 't' });
    await executeStaffAction(unenrollAction, leaves.staff, { ids: [leaves.tiers.id] }, ip);
    const before = peer.received.length;
    await dispatcherFor(peer.url).drain();
    expect(peer.received.length).toBe(before);
    const statuses = await db.outboxMail.findMany({ where: { id: { in: reminders.map((r) => r.id) } } });
    expect(statuses.map((m) => m.status)).toEqual(['CANCELLED', 'CANCELLED']);
  });
});

describe('the automatic reminder', () => {
  it('queues one reminder N days before expiry, once, only to enrolled people who never signed in', async () => {
    const admin = await createStaffUser({ role: 'ADMIN' });
    expect(
      await executeStaffAction(
        updateReminderSettingsAction,
        admin,
        { reminderDaysBeforeExpiry: '3', reminderReview: 'direct' },
        ip,
      ),
    ).toMatchObject({ ok: true });
    const due = await sentCredentials();
    await expirePassword(due.account.id, 2 * DAY);
    const later = await sentCredentials();
    await expirePassword(later.account.id, 5 * DAY);
    const active = await sentCredentials();
    await authenticateExtranet({ login: active.account.login, password: active.password, ip, userAgent: 't' });
    const gone = await sentCredentials();
    await executeStaffAction(unenrollAction, gone.staff, { ids: [gone.tiers.id] }, ip);

    await queueDueReminders();
    await queueDueReminders();
    const queued = await db.outboxMail.findMany({
      where: { type: 'REMINDER', createdAt: { gte: new Date(Date.now() - 60_000) } },
    });
    const mine = queued.filter((m) => [due, later, active, gone].some((p) => p.account.id === m.accountId));
    expect(mine.map((m) => [m.accountId, m.status])).toEqual([[due.account.id, 'SENDING']]);
    expect(
      await db.auditEvent.count({
        where: { type: 'access.reminder_queued', targetId: mine[0].id, actorType: 'SYSTEM' },
      }),
    ).toBe(1);

    // Off: nothing more.
    await executeStaffAction(
      updateReminderSettingsAction,
      admin,
      { reminderDaysBeforeExpiry: '', reminderReview: 'review' },
      ip,
    );
    await expirePassword(later.account.id, DAY);
    expect(await queueDueReminders()).toBe(0);
  });
});

// Issue 6: the journal holds an event for every access and outbox state change. This test performs each one
// through the real use cases, the way the screens call them, and looks for its event.
import { afterAll, describe, expect, it } from 'vitest';
import { enrollAction, generateCredentialsAction, unenrollAction } from '@/server/access/actions';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { changeOwnPassword } from '@/server/extranet/change-password';
import { requestPasswordReset, workResetRequests } from '@/server/extranet/request-password-reset';
import { extranetActor } from '@/server/extranet/session-validity';
import { updateMyContact } from '@/server/extranet/update-contact';
import { isEventType, targetTypeOf } from '@/server/journal/events';
import { previewMail } from '@/server/outbox/preview-mail';
import { decryptSecret } from '@/server/crypto/secret-box';
import { findSession } from '@/server/session/sessions';
import { createStaffUser, createTiers } from '../factories';
import { cancelMailsAction, retryMailsAction, sendMailsAction } from '@/server/outbox/actions';
import { unlockAccountAction } from '@/server/diagnostic/actions';

const ip = '203.0.113.77';
const events = async (tiersId: string) =>
  (await db.auditEvent.findMany({ where: { tiersId }, orderBy: { id: 'asc' }, select: { type: true } })).map(
    (e) => e.type,
  );
const latestMail = (tiersId: string) =>
  db.outboxMail.findFirstOrThrow({ where: { tiersId }, orderBy: { createdAt: 'desc' } });

describe('journal coverage', () => {
  const seen = new Set<string>();
  afterAll(async () => {
    // Every event type produced here is in the catalogue, with its French label.
    expect([...seen].filter((t) => !isEventType(t))).toEqual([]);
    // Every event written on the way (the sign-in's included) carries its catalogue's one spelling of its target type:
    // the diagnostic's unlock wrote 'account' where the lock wrote 'ExtranetAccount' for the same row.
    const written = await db.auditEvent.findMany({
      distinct: ['type', 'targetType'],
      select: { type: true, targetType: true },
    });
    expect(written.filter((e) => !isEventType(e.type) || e.targetType !== targetTypeOf(e.type))).toEqual([]);
  });

  it('records enrol, credentials, preview, cancel, send, retry, login, lock, unlock, password change, reset, contact change, unenrol', async () => {
    const staff = await createStaffUser({ role: 'GESTIONNAIRE' });
    const tiers = await createTiers();
    const run = async (definition: Parameters<typeof executeStaffAction>[0], input: unknown) => {
      const result = await executeStaffAction(definition, staff, input, ip);
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    };
    const expectEvent = async (type: string) => {
      expect(await events(tiers.id)).toContain(type);
      seen.add(type);
    };

    await run(enrollAction, { ids: [tiers.id] });
    await expectEvent('access.enrolled');
    await run(generateCredentialsAction, { ids: [tiers.id] });
    await expectEvent('access.credentials_generated');

    const first = await latestMail(tiers.id);
    await previewMail({ type: 'STAFF', staffId: staff.id, ip }, first.id);
    await expectEvent('mail.previewed');
    await run(cancelMailsAction, { ids: [first.id] });
    await expectEvent('mail.cancelled');

    await run(generateCredentialsAction, { ids: [tiers.id] });
    const mail = await latestMail(tiers.id);
    const password = decryptSecret(mail.secretCiphertext!);
    await run(sendMailsAction, { ids: [mail.id] });
    await expectEvent('mail.sent');
    await db.outboxMail.update({
      where: { id: mail.id },
      data: { status: 'FAILED', lastError: 'Serveur de messagerie injoignable' },
    });
    await run(retryMailsAction, { ids: [mail.id] });
    await expectEvent('mail.retried');

    const account = await db.extranetAccount.findUniqueOrThrow({ where: { tiersId: tiers.id } });
    const login = await authenticateExtranet({ login: account.login, password, ip, userAgent: 'test' });
    expect(login.ok).toBe(true);
    await expectEvent('extranet.login');

    for (let i = 0; i < 5; i++)
      await authenticateExtranet({ login: account.login, password: 'wrong', ip: `198.51.100.${i}`, userAgent: 'test' });
    await expectEvent('access.locked');
    await run(unlockAccountAction, { tiersId: tiers.id });
    await expectEvent('access.unlocked');

    const session = await authenticateExtranet({ login: account.login, password, ip, userAgent: 'test' });
    if (!session.ok) throw new Error(session.error);
    const actor = extranetActor((await findSession(session.token, 'EXTRANET'))!)!;
    await changeOwnPassword(
      actor,
      { current: password, password: 'Pivoine-Marmotte-Cerf-Volant-17', confirm: 'Pivoine-Marmotte-Cerf-Volant-17' },
      ip,
    );
    await expectEvent('extranet.password_changed');

    await requestPasswordReset({ identifier: account.login }, ip);
    await workResetRequests();
    await expectEvent('extranet.reset_requested');

    const fresh = await authenticateExtranet({
      login: account.login,
      password: 'Pivoine-Marmotte-Cerf-Volant-17',
      ip,
      userAgent: 'test',
    });
    if (!fresh.ok) throw new Error(fresh.error);
    const again = extranetActor((await findSession(fresh.token, 'EXTRANET'))!)!;
    await updateMyContact(
      again,
      { email: 'nouvelle.adresse@exemple.fr', phone: '06 11 22 33 44', current: 'Pivoine-Marmotte-Cerf-Volant-17' },
      ip,
    );
    await expectEvent('extranet.contact_changed');
    await expectEvent('extranet.email_change_requested');

    await run(unenrollAction, { ids: [tiers.id] });
    await expectEvent('access.unenrolled');

    const withIp = await db.auditEvent.findMany({
      where: { tiersId: tiers.id, actorType: 'STAFF' },
      select: { ip: true, actorStaffId: true },
    });
    expect(withIp.every((e) => e.ip === ip && e.actorStaffId === staff.id)).toBe(true);
  });
});

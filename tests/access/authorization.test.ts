import { describe, expect, it } from 'vitest';
import { enrollAction, generateCredentialsAction, unenrollAction } from '@/server/access/actions';
import { getCredentialsJob } from '@/server/access/credentials-job';
import { executeStaffAction, MESSAGES } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { createStaffUser, createTiers } from '../factories';
import { createEnrolledTiers, staffAudit, waitForJob } from '../factories/access';
import { updateCredentialSettingsAction } from '@/server/settings/actions';

/** Everything the access actions can touch, to prove a refusal changed nothing. */
async function databaseState() {
  const [accounts, passwords, verifications, sessions, mails, events, jobs, settings] = await Promise.all([
    db.extranetAccount.findMany({ orderBy: { id: 'asc' } }),
    db.extranetPassword.findMany({ orderBy: { accountId: 'asc' } }),
    db.verification.findMany({ orderBy: { id: 'asc' } }),
    db.session.findMany({ orderBy: { id: 'asc' } }),
    db.outboxMail.findMany({ orderBy: { id: 'asc' } }),
    db.auditEvent.count(),
    db.bulkJob.count(),
    db.agencySettings.findMany(),
  ]);
  return { accounts, passwords, verifications, sessions, mails, events, jobs, settings };
}

const MUTATIONS = { enrollAction, unenrollAction, generateCredentialsAction };

describe('who may change access', () => {
  it('SUPPORT is refused by the server on every mutating action, with no change', async () => {
    const { audit } = await staffAudit();
    const support = await createStaffUser({ role: 'SUPPORT' });
    const enrolled = await createEnrolledTiers(audit);
    const never = await createTiers();
    const before = await databaseState();
    for (const [name, action] of Object.entries(MUTATIONS)) {
      for (const ids of [[enrolled.tiers.id], [never.id]]) {
        expect({ name, result: await executeStaffAction(action, support, { ids }, null) }).toEqual({
          name,
          result: { ok: false, error: MESSAGES.forbidden },
        });
      }
    }
    expect(
      await executeStaffAction(
        updateCredentialSettingsAction,
        support,
        { deliveryMode: 'ACTIVATION_LINK', temporaryPasswordDays: 3 },
        null,
      ),
    ).toEqual({ ok: false, error: MESSAGES.forbidden });
    expect(await databaseState()).toEqual(before);
  });

  it('only ADMIN changes the settings; GESTIONNAIRE is refused', async () => {
    const gestionnaire = await createStaffUser({ role: 'GESTIONNAIRE' });
    const before = await databaseState();
    expect(
      await executeStaffAction(
        updateCredentialSettingsAction,
        gestionnaire,
        { deliveryMode: 'ACTIVATION_LINK', temporaryPasswordDays: 3 },
        null,
      ),
    ).toEqual({ ok: false, error: MESSAGES.forbidden });
    expect(await databaseState()).toEqual(before);
  });

  it('a forged or unknown id gets "introuvable" and nothing changes, even next to a real one', async () => {
    const { audit, staff } = await staffAudit();
    const enrolled = await createEnrolledTiers(audit);
    const never = await createTiers();
    const archived = await createTiers();
    await db.tiers.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const before = await databaseState();
    for (const action of Object.values(MUTATIONS)) {
      for (const ids of [
        ['does-not-exist'],
        [enrolled.tiers.id, 'forged-id'],
        [never.id, "x' OR 1=1 --"],
        [archived.id],
      ]) {
        expect(await executeStaffAction(action, staff, { ids }, null)).toEqual({ ok: false, error: MESSAGES.notFound });
      }
    }
    expect(await executeStaffAction(enrollAction, staff, { ids: [] }, null)).toMatchObject({
      ok: false,
      fieldErrors: { ids: ['Sélectionnez au moins une personne dans la liste.'] },
    });
    expect(await databaseState()).toEqual(before);
  });

  it("a bulk job's progress is visible only to the staff member who started it", async () => {
    const { audit, staff } = await staffAudit();
    const people = await Promise.all(Array.from({ length: 6 }, () => createEnrolledTiers(audit)));
    const result = await executeStaffAction(
      generateCredentialsAction,
      staff,
      { ids: people.map((p) => p.tiers.id) },
      null,
    );
    const jobId = result.ok ? result.data!.jobId! : '';
    await waitForJob(jobId);
    expect(await getCredentialsJob(staff.id, jobId)).toMatchObject({ status: 'DONE', done: 6, total: 6 });
    const colleague = await createStaffUser({ role: 'GESTIONNAIRE' });
    await expect(getCredentialsJob(colleague.id, jobId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('Paramètres', () => {
  it('ADMIN sets the delivery mode and lifetime (1–90 days), audited, and the envelope follows them', async () => {
    const admin = await createStaffUser({ role: 'ADMIN' });
    for (const days of [0, 91, 2.5, 'abc']) {
      const refused = await executeStaffAction(
        updateCredentialSettingsAction,
        admin,
        { deliveryMode: 'TEMPORARY_PASSWORD', temporaryPasswordDays: days },
        null,
      );
      expect(refused).toMatchObject({
        ok: false,
        fieldErrors: { temporaryPasswordDays: [expect.stringMatching(/entre 1 et 90/)] },
      });
    }
    const form = new FormData();
    form.set('deliveryMode', 'TEMPORARY_PASSWORD');
    form.set('temporaryPasswordDays', '14');
    expect(await executeStaffAction(updateCredentialSettingsAction, admin, form, '192.0.2.1')).toEqual({
      ok: true,
      message: 'Paramètres enregistrés.',
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { type: 'settings.updated' },
      orderBy: { id: 'desc' },
    });
    expect(event).toMatchObject({
      actorStaffId: admin.id,
      ip: '192.0.2.1',
      details: {
        before: { deliveryMode: 'TEMPORARY_PASSWORD' },
        after: { deliveryMode: 'TEMPORARY_PASSWORD', temporaryPasswordDays: 14 },
      },
    });

    const { audit, staff } = await staffAudit();
    const { tiers, account } = await createEnrolledTiers(audit);
    await executeStaffAction(generateCredentialsAction, staff, { ids: [tiers.id] }, null);
    const password = await db.extranetPassword.findUniqueOrThrow({ where: { accountId: account.id } });
    expect(Math.round((password.expiresAt!.getTime() - Date.now()) / 86_400_000)).toBe(14);
    await db.agencySettings.update({ where: { id: 1 }, data: { temporaryPasswordDays: 7 } });
  });
});

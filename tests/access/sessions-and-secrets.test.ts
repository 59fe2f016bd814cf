import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enrollAction, generateCredentialsAction, unenrollAction } from '@/server/access/actions';
import { executeStaffAction } from '@/server/auth/staff-action';
import { verifyPassword } from '@/server/session/password';
import { db } from '@/server/db';
import { decryptSecret } from '@/server/crypto/secret-box';
import { findSession } from '@/server/session/sessions';
import { createTiers } from '../factories';
import { findEverywhere } from '../helpers/find-everywhere';
import { createEnrolledTiers, createExtranetSession, staffAudit, waitForJob } from '../factories/access';

// The session check every extranet request goes through, fed the cookie's token.
const isExtranetSessionValid = async (t: { token: string }) => (await findSession(t.token, 'EXTRANET')) !== null;

describe('session revocation', () => {
  it('a session valid before Désinscrire is refused after it', async () => {
    const { audit, staff } = await staffAudit();
    const { tiers, account } = await createEnrolledTiers(audit);
    const token = await createExtranetSession(account.id);
    const other = await createExtranetSession(account.id);
    expect(await isExtranetSessionValid(token)).toBe(true);
    await executeStaffAction(unenrollAction, staff, { ids: [tiers.id] }, null);
    expect(await isExtranetSessionValid(token)).toBe(false);
    expect(await isExtranetSessionValid(other)).toBe(false);
    expect(await db.session.count({ where: { accountId: account.id, revokedAt: null } })).toBe(0);
    // Inscrire again does not bring the old sessions back.
    await executeStaffAction(enrollAction, staff, { ids: [tiers.id] }, null);
    expect(await isExtranetSessionValid(token)).toBe(false);
  });

  it('new credentials end the sessions opened with the old ones', async () => {
    const { audit, staff } = await staffAudit();
    const { tiers, account } = await createEnrolledTiers(audit);
    const token = await createExtranetSession(account.id);
    await executeStaffAction(generateCredentialsAction, staff, { ids: [tiers.id] }, null);
    expect(await isExtranetSessionValid(token)).toBe(false);
    expect(await isExtranetSessionValid(await createExtranetSession(account.id))).toBe(true);
  });

  it('refuses an altered token and an extranet token on the back office', async () => {
    const { audit } = await staffAudit();
    const a = await createEnrolledTiers(audit);
    const { token } = await createExtranetSession(a.account.id);
    expect(await isExtranetSessionValid({ token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` })).toBe(
      false,
    );
    expect(await findSession(token, 'STAFF')).toBeNull();
  });
});

describe('the plaintext secret', () => {
  const output: string[] = [];
  beforeEach(() => {
    output.length = 0;
    for (const method of ['log', 'info', 'warn', 'debug', 'error'] as const) {
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void output.push(args.map(String).join(' ')),
      );
    }
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (output.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (output.push(String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  it('is nowhere in the database but encrypted in its mail row, nor in console output (one person and a bulk job)', async () => {
    const { audit, staff } = await staffAudit();
    const single = await createEnrolledTiers(audit);
    const many = await Promise.all(Array.from({ length: 7 }, () => createEnrolledTiers(audit)));
    expect((await executeStaffAction(generateCredentialsAction, staff, { ids: [single.tiers.id] }, null)).ok).toBe(
      true,
    );
    const bulk = await executeStaffAction(generateCredentialsAction, staff, { ids: many.map((p) => p.tiers.id) }, null);
    expect(bulk.ok && bulk.data?.jobId).toBeTruthy();
    const job = await waitForJob(bulk.ok ? bulk.data!.jobId! : '');
    expect(job).toMatchObject({ status: 'DONE', total: 7, done: 7, failed: 0 });

    const mails = await db.outboxMail.findMany({
      where: { tiersId: { in: [single, ...many].map((p) => p.tiers.id) } },
      include: { account: { include: { password: true } } },
    });
    expect(mails).toHaveLength(8);
    for (const mail of mails) {
      const secret = decryptSecret(mail.secretCiphertext!);
      expect(secret).toMatch(/^[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}$/);
      expect((await verifyPassword(mail.account!.password!.hash, secret)).valid).toBe(true);
      expect(await findEverywhere(secret)).toEqual([]);
      expect(output.join('\n')).not.toContain(secret);
    }
    // And the scan does find what is there: the identifiant, in the account and the mail.
    expect(await findEverywhere(single.account.login)).toEqual(
      expect.arrayContaining(['ExtranetAccount.login', 'OutboxMail.html', 'OutboxMail.text']),
    );
  });

  it('in activation-link mode, neither the link nor its token is stored in clear', async () => {
    const { audit, staff } = await staffAudit();
    await db.agencySettings.upsert({
      where: { id: 1 },
      create: { id: 1, deliveryMode: 'ACTIVATION_LINK' },
      update: { deliveryMode: 'ACTIVATION_LINK' },
    });
    try {
      const { tiers } = await createEnrolledTiers(audit);
      await executeStaffAction(generateCredentialsAction, staff, { ids: [tiers.id] }, null);
      const mail = await db.outboxMail.findFirstOrThrow({ where: { tiersId: tiers.id } });
      const link = decryptSecret(mail.secretCiphertext!);
      const token = new URL(link).searchParams.get('jeton')!;
      expect(await findEverywhere(token)).toEqual([]);
      expect(output.join('\n')).not.toContain(token);
    } finally {
      await db.agencySettings.update({ where: { id: 1 }, data: { deliveryMode: 'TEMPORARY_PASSWORD' } });
    }
  });
});

describe('bulk envelope as a job', () => {
  it('reports progress in a BulkJob row, writes one mail per person, and replaces earlier unsent mails', async () => {
    const { audit, staff } = await staffAudit();
    const people = await Promise.all(Array.from({ length: 6 }, () => createEnrolledTiers(audit)));
    const ids = people.map((p) => p.tiers.id);
    await executeStaffAction(generateCredentialsAction, staff, { ids: ids.slice(0, 2) }, null);
    const result = await executeStaffAction(generateCredentialsAction, staff, { ids }, null);
    expect(result).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Génération des identifiants lancée pour 6 personnes/),
    });
    const job = await waitForJob(result.ok ? result.data!.jobId! : '');
    expect(job).toMatchObject({ status: 'DONE', total: 6, done: 6, createdById: staff.id });
    expect((job.result as { message: string }).message).toMatch(
      /^6 mails d'identifiants générés.* 2 mails précédents non envoyés sont remplacés\./,
    );
    const byStatus = await db.outboxMail.groupBy({ by: ['status'], where: { tiersId: { in: ids } }, _count: true });
    expect(Object.fromEntries(byStatus.map((g) => [g.status, g._count]))).toEqual({ PENDING_REVIEW: 6, REPLACED: 2 });
    expect(await db.auditEvent.count({ where: { tiersId: { in: ids }, type: 'access.credentials_generated' } })).toBe(
      8,
    );
  });

  it('a person without an account in the bulk refuses the whole job before it starts', async () => {
    const { audit, staff } = await staffAudit();
    const people = await Promise.all(Array.from({ length: 6 }, () => createEnrolledTiers(audit)));
    const never = await createTiers();
    const result = await executeStaffAction(
      generateCredentialsAction,
      staff,
      { ids: [...people.map((p) => p.tiers.id), never.id] },
      null,
    );
    expect(result.ok).toBe(false);
    expect(await db.bulkJob.count({ where: { createdById: staff.id } })).toBe(0);
  });
});

// Issue 13, item 3: a job whose process died is shown "Interrompue" within a minute, with what was done, and
// "Relancer" finishes the rest. The dead process is played by what it leaves behind: a RUNNING row whose heartbeat
// stopped, the people it had done with their mails, the others untouched.
import { describe, expect, it } from 'vitest';
import { generateCredentialsAction, resumeCredentialsJobAction } from '@/server/access/actions';
import { getCredentialsJob, listRecentCredentialsJobs } from '@/server/access/credentials-job';
import { CREDENTIALS_JOB_TYPE } from '@/server/access/generate-credentials';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { getImportProgress } from '@/server/import/progress';
import { createEnrolledTiers, staffAudit, waitForJob } from '../factories/access';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

describe('a bulk envelope whose process died', () => {
  it('is "Interrompue" after 45 s without a heartbeat, says what was done, and "Relancer" finishes the rest', async () => {
    const { staff, audit } = await staffAudit();
    const people = [];
    for (let i = 0; i < 8; i++) people.push(await createEnrolledTiers(audit, { lastName: `Interrompu${i}` }));
    const ids = people.map((p) => p.tiers.id);
    // The job as the envelope wrote it a minute ago; its process did the first 3 people, then died.
    const job = await db.bulkJob.create({
      data: {
        type: CREDENTIALS_JOB_TYPE,
        total: 8,
        createdById: staff.id,
        input: { tiersIds: ids },
        createdAt: minutesAgo(1),
        heartbeatAt: minutesAgo(1),
      },
    });
    expect((await executeStaffAction(generateCredentialsAction, staff, { ids: ids.slice(0, 3) }, null)).ok).toBe(true);
    await db.bulkJob.update({ where: { id: job.id }, data: { done: 3 } });

    const shown = await getCredentialsJob(staff.id, job.id);
    expect(shown).toMatchObject({ status: 'INTERRUPTED', done: 3, total: 8 });
    expect(shown.message).toContain('après 3 sur 8');
    expect(shown.message).toContain('« Relancer »');
    expect((await listRecentCredentialsJobs(staff.id)).map((j) => j.status)).toEqual(['INTERRUPTED']);

    const relaunched = await executeStaffAction(resumeCredentialsJobAction, staff, { jobId: job.id }, null);
    expect(relaunched).toMatchObject({ ok: true, message: expect.stringContaining('5 personnes restantes') });
    // A second click while it runs again is refused.
    const again = await executeStaffAction(resumeCredentialsJobAction, staff, { jobId: job.id }, null);
    expect(again).toMatchObject({ ok: false, error: expect.stringContaining('pas interrompue') });

    const finished = await waitForJob(job.id);
    expect(finished).toMatchObject({ status: 'DONE', done: 8, failed: 0 });
    // Everyone has exactly one mail waiting: the first three were not done again.
    for (const { account } of people)
      expect(await db.outboxMail.count({ where: { accountId: account.id, status: 'PENDING_REVIEW' } })).toBe(1);
    expect(await db.outboxMail.count({ where: { accountId: { in: people.map((p) => p.account.id) } } })).toBe(8);
  });

  it('a job that is alive (recent heartbeat) is not interrupted, and cannot be relaunched', async () => {
    const { staff } = await staffAudit();
    const job = await db.bulkJob.create({
      data: {
        type: CREDENTIALS_JOB_TYPE,
        total: 10,
        createdById: staff.id,
        createdAt: minutesAgo(30),
        heartbeatAt: new Date(),
      },
    });
    expect((await getCredentialsJob(staff.id, job.id)).status).toBe('RUNNING');
    expect((await executeStaffAction(resumeCredentialsJobAction, staff, { jobId: job.id }, null)).ok).toBe(false);
  });
});

describe('an import whose process died', () => {
  it('is reported INTERRUPTED by the progress the page polls, with the lines done', async () => {
    const { staff } = await staffAudit();
    const id = crypto.randomUUID();
    await db.bulkJob.create({
      data: {
        id,
        type: 'import.tiers',
        total: 500,
        done: 150,
        createdById: staff.id,
        createdAt: minutesAgo(2),
        heartbeatAt: minutesAgo(1),
      },
    });
    expect(await getImportProgress(id, staff.id)).toMatchObject({ status: 'INTERRUPTED', done: 150, total: 500 });
  });
});

// Factories for extranet accounts, through the real use cases where one exists.
import type { TiersKind } from '@/generated/prisma/enums';
import { db } from '@/server/db';
import { enrollAccounts } from '@/server/access/enroll-accounts';
import type { StaffAuditActor } from '@/server/access/generate-credentials';
import { openSession } from '@/server/session/sessions';
import { createStaffUser, createTiers } from './index';

export async function staffAudit(role: 'ADMIN' | 'GESTIONNAIRE' | 'SUPPORT' = 'GESTIONNAIRE') {
  const staff = await createStaffUser({ role });
  const audit: StaffAuditActor = { type: 'STAFF', staffId: staff.id, ip: '203.0.113.7' };
  return { staff, audit };
}

/** A tiers enrolled with Inscrire, returned with its account. */
export async function createEnrolledTiers(
  audit: StaffAuditActor,
  options: { kind?: TiersKind; lastName?: string; email?: string | null } = {},
) {
  const tiers = await createTiers(options);
  await enrollAccounts(audit, [tiers.id]);
  const account = await db.extranetAccount.findUniqueOrThrow({ where: { tiersId: tiers.id } });
  return { tiers, account };
}

/** An extranet session as the sign-in would create it, and the cookie's token that goes with it. */
export async function createExtranetSession(accountId: string) {
  const { credentialVersion } = await db.extranetAccount.findUniqueOrThrow({
    where: { id: accountId },
    select: { credentialVersion: true },
  });
  const session = await openSession(db, { accountId, credentialVersion, ip: '198.51.100.4', userAgent: 'test' });
  return { accountId, token: session.token, sid: session.id };
}

/** Waits for a BulkJob to leave RUNNING, as the page's polling does. */
export async function waitForJob(jobId: string, timeoutMs = 60_000) {
  const start = Date.now();
  for (;;) {
    const job = await db.bulkJob.findUniqueOrThrow({ where: { id: jobId } });
    if (job.status !== 'RUNNING') return job;
    if (Date.now() - start > timeoutMs) throw new Error(`job ${jobId} still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

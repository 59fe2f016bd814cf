import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db';
import { isInterrupted, startHeartbeat } from '@/server/jobs/heartbeat';

/**
 * Import progress lives in a BulkJob row so any app instance can answer the polling page. Updates are written
 * outside the import's transaction and only move forward (`done < n`). On the embedded engine (one connection)
 * they queue behind the transaction, so the bar jumps at the end there; on PostgreSQL it moves as batches land.
 */
export function startProgress(id: string, createdById: string, type: string, total: number) {
  const pending: Promise<unknown>[] = [];
  let stopHeartbeat = () => {};
  const created = db.bulkJob
    .create({ data: { id, type, total, createdById, heartbeatAt: new Date() }, select: { id: true } })
    .then((row) => {
      stopHeartbeat = startHeartbeat(id);
      return row;
    });
  return {
    created,
    report(done: number) {
      pending.push(
        db.bulkJob.updateMany({ where: { id, done: { lt: done } }, data: { done } }).catch((error: unknown) => {
          console.warn('[import progress]', (error as Error).message);
        }),
      );
    },
    async finish(status: 'DONE' | 'FAILED', result: Prisma.InputJsonValue, done?: number) {
      stopHeartbeat();
      await Promise.all(pending);
      await db.bulkJob.update({
        where: { id },
        data: { status, result, finishedAt: new Date(), ...(done === undefined ? {} : { done }) },
      });
    },
  };
}

/**
 * The caller's own import job, or null (not created yet, or someone else's). A RUNNING job whose process died (no
 * heartbeat) is INTERRUPTED: the import was all or nothing, so nothing was written and the page offers the dry run again.
 */
export async function getImportProgress(id: string, staffId: string) {
  const job = await db.bulkJob.findFirst({
    where: { id, createdById: staffId, type: { startsWith: 'import.' } },
    select: { id: true, status: true, total: true, done: true, result: true, heartbeatAt: true, createdAt: true },
  });
  if (!job) return null;
  return {
    status: isInterrupted(job) ? ('INTERRUPTED' as const) : job.status,
    total: job.total,
    done: job.done,
    result: job.result,
  };
}

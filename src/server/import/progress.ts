import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db';

/**
 * Import progress lives in a BulkJob row so any app instance can answer the polling page. Updates are written
 * outside the import's transaction and only move forward (`done < n`). On the embedded engine (one connection)
 * they queue behind the transaction, so the bar jumps at the end there; on PostgreSQL it moves as batches land.
 */
export function startProgress(id: string, createdById: string, type: string, total: number) {
  const pending: Promise<unknown>[] = [];
  const created = db.bulkJob.create({ data: { id, type, total, createdById }, select: { id: true } });
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
      await Promise.all(pending);
      await db.bulkJob.update({
        where: { id },
        data: { status, result, finishedAt: new Date(), ...(done === undefined ? {} : { done }) },
      });
    },
  };
}

/** The caller's own import job, or null (not created yet, or someone else's). */
export async function getImportProgress(id: string, staffId: string) {
  return db.bulkJob.findFirst({
    where: { id, createdById: staffId, type: { startsWith: 'import.' } },
    select: { status: true, total: true, done: true, result: true },
  });
}

import 'server-only';
import type { Tx } from '@/server/db';
import { DB_NOW_SQL } from '@/server/db/now';

/**
 * Claims up to `limit` mails due for sending and leases them to `workerId` for `leaseMs`. SKIP LOCKED lets any
 * number of dispatchers claim at once without waiting on, or taking, each other's rows; the lease (on the
 * database clock, so app clocks may disagree) is what makes a mail abandoned by a crashed dispatcher claimable
 * again once it expires. Times are stored as UTC in `timestamp` columns, hence DB_NOW_SQL (src/server/db/now.ts).
 */
export async function claimOutboxBatch(db: Tx, workerId: string, limit: number, leaseMs: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMail" AS m
    SET "leaseUntil" = ${DB_NOW_SQL} + ${leaseMs}::int * interval '1 millisecond',
        "leasedBy" = ${workerId},
        "updatedAt" = ${DB_NOW_SQL}
    FROM (
      SELECT id FROM "OutboxMail"
      WHERE status = 'SENDING'
        AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${DB_NOW_SQL})
        AND ("leaseUntil" IS NULL OR "leaseUntil" < ${DB_NOW_SQL})
      ORDER BY "nextAttemptAt" ASC NULLS FIRST, "createdAt" ASC
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE m.id = due.id
    RETURNING m.id`;
  return rows.map((r) => r.id);
}

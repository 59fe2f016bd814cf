import 'server-only';
import type { Tx } from '@/server/db';

/**
 * Claims up to `limit` mails due for sending and leases them to `workerId` for `leaseMs`. SKIP LOCKED lets any
 * number of dispatchers claim at once without waiting on, or taking, each other's rows; the lease (on the
 * database clock, so app clocks may disagree) is what makes a mail abandoned by a crashed dispatcher claimable
 * again once it expires. Times are stored as UTC in `timestamp` columns, hence `now() AT TIME ZONE 'UTC'`.
 */
export async function claimOutboxBatch(db: Tx, workerId: string, limit: number, leaseMs: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMail" AS m
    SET "leaseUntil" = (now() AT TIME ZONE 'UTC') + ${leaseMs}::int * interval '1 millisecond',
        "leasedBy" = ${workerId},
        "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM (
      SELECT id FROM "OutboxMail"
      WHERE status = 'SENDING'
        AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= (now() AT TIME ZONE 'UTC'))
        AND ("leaseUntil" IS NULL OR "leaseUntil" < (now() AT TIME ZONE 'UTC'))
      ORDER BY "nextAttemptAt" ASC NULLS FIRST, "createdAt" ASC
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE m.id = due.id
    RETURNING m.id`;
  return rows.map((r) => r.id);
}

import 'server-only';
import type { Tx } from '@/server/db';
import { DB_NOW_SQL } from '@/server/db/now';
import { SECRET_PLACEHOLDER } from '@/server/mail/templates';

// The raw SQL of the outbox's dispatcher (docs/architecture.md: one `*.sql.ts` per domain; decisions 020, 021).

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

/**
 * Records deliveries in one UPDATE, guarded by `workerId`'s lease. A relay's event that came back before this record
 * (decision 022) already set the final state: a bounce or a complaint is kept.
 */
export async function markMailsSent(db: Tx, workerId: string, sent: { id: string; response: string }[]): Promise<void> {
  await db.$executeRaw`
    UPDATE "OutboxMail" AS m
    SET status = (CASE WHEN m."deliveryKind" IN ('HARD_BOUNCE', 'BLOCKED') THEN 'BOUNCED'
                       WHEN m."deliveryKind" = 'COMPLAINED' THEN 'COMPLAINED' ELSE 'SENT' END)::"MailStatus",
        "sentAt" = ${DB_NOW_SQL}, "smtpResponse" = d.response, "secretCiphertext" = NULL,
        attempts = m.attempts + 1, "lastError" = NULL, "leaseUntil" = NULL, "leasedBy" = NULL, "nextAttemptAt" = NULL,
        "updatedAt" = ${DB_NOW_SQL}
    FROM unnest(${sent.map((x) => x.id)}::text[], ${sent.map((x) => x.response.slice(0, 500))}::text[]) AS d(id, response)
    WHERE m.id = d.id AND m."leasedBy" = ${workerId} AND m.status = 'SENDING'`;
}

/**
 * The send-time check of one mail held by `workerId`: when its secret was wiped though its text needs it, or (a
 * credential mail) its account is no longer enrolled or has newer credentials, or (a reminder) its person signed
 * in since, the mail becomes Remplacé or Annulé, secret wiped, lease released. Returns the new status, or null
 * when the mail may leave.
 */
export async function withdrawIfNotCurrent(
  tx: Tx,
  mail: { id: string; workerId: string; credential: boolean; reminder: boolean },
): Promise<'CANCELLED' | 'REPLACED' | null> {
  const { credential, reminder } = mail;
  const rows = await tx.$queryRaw<{ status: 'CANCELLED' | 'REPLACED' }[]>`
    UPDATE "OutboxMail" AS m
    SET status = (CASE WHEN ${credential}::boolean AND a.status = 'ENROLLED'
          AND NOT (${reminder}::boolean AND COALESCE(a."lastLoginAt" >= a."enrolledAt", false)) THEN 'REPLACED' ELSE 'CANCELLED' END)::"MailStatus",
        "secretCiphertext" = NULL, "leaseUntil" = NULL, "leasedBy" = NULL, "nextAttemptAt" = NULL,
        "updatedAt" = ${DB_NOW_SQL}
    FROM "OutboxMail" AS o LEFT JOIN "ExtranetAccount" AS a ON a.id = o."accountId"
    WHERE o.id = m.id AND m.id = ${mail.id} AND m."leasedBy" = ${mail.workerId} AND m.status = 'SENDING'
      AND (
        (m."secretCiphertext" IS NULL AND (strpos(m.html, ${SECRET_PLACEHOLDER}) > 0 OR strpos(m.text, ${SECRET_PLACEHOLDER}) > 0))
        OR (${credential}::boolean AND (a.id IS NULL OR a.status <> 'ENROLLED'
            OR (m."credentialVersion" IS NOT NULL AND a."credentialVersion" <> m."credentialVersion")
            OR (${reminder}::boolean AND COALESCE(a."lastLoginAt" >= a."enrolledAt", false))))
      )
    RETURNING m.status::text AS status`;
  return rows[0]?.status ?? null;
}

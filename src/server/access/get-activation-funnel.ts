import 'server-only';
import type { MailStatus } from '@/generated/prisma/enums';
import { db } from '@/server/db';

/**
 * The statuses counted as "never arrived": refused by our relay ("Échec") or bounced after it left ("Rejeté",
 * docs/decisions/022). A mail "Signalé comme spam" did arrive.
 */
export const BOUNCED_MAIL_STATUSES: MailStatus[] = ['FAILED', 'BOUNCED'];

export type ActivationFunnel = {
  /** Enrolled people whose current credentials left (a mail "Envoyé", even if bounced later, or a letter "Imprimé"). */
  sent: number;
  /** Of those, who signed in or chose a password since. */
  activated: number;
  /** Sent, never activated. */
  neverActivated: number;
  /** Never activated, and the temporary password or activation link has expired: only new credentials help. */
  expiredUnused: number;
  /** Whose latest credential mail never arrived (see BOUNCED_MAIL_STATUSES). */
  bounced: number;
};

/**
 * The activation funnel of the current enrolments (decision 010: a mail or a login from before the enrolment does not
 * count), in one statement (docs/decisions/027).
 */
export async function getActivationFunnel(now = new Date()): Promise<ActivationFunnel> {
  const [row] = await db.$queryRaw<Record<keyof ActivationFunnel, bigint>[]>`
    WITH acc AS (
      SELECT a.id,
        COALESCE(a."lastLoginAt" >= a."enrolledAt", false) OR COALESCE(p."isTemporary" = false, false) AS active,
        EXISTS (
          SELECT 1 FROM "OutboxMail" m
          WHERE m."accountId" = a.id AND m.type IN ('CREDENTIALS', 'ACTIVATION_LINK')
            AND m.status IN ('SENT', 'PRINTED', 'BOUNCED', 'COMPLAINED') AND m."createdAt" >= a."enrolledAt"
        ) AS sent,
        (
          SELECT m.status::text FROM "OutboxMail" m
          WHERE m."accountId" = a.id AND m.type IN ('CREDENTIALS', 'ACTIVATION_LINK') AND m."createdAt" >= a."enrolledAt"
          ORDER BY m."createdAt" DESC, m.id DESC LIMIT 1
        ) AS latest,
        COALESCE(p."isTemporary" AND p."expiresAt" < ${now}::timestamp, false)
          OR COALESCE(v."usedAt" IS NULL AND v."expiresAt" < ${now}::timestamp, false) AS expired
      FROM "ExtranetAccount" a
      LEFT JOIN "ExtranetPassword" p ON p."accountId" = a.id
      LEFT JOIN "Verification" v ON v."accountId" = a.id AND v.type = 'ACTIVATION'
      WHERE a.status = 'ENROLLED'
    )
    SELECT count(*) FILTER (WHERE sent) AS sent,
           count(*) FILTER (WHERE sent AND active) AS activated,
           count(*) FILTER (WHERE sent AND NOT active) AS "neverActivated",
           count(*) FILTER (WHERE sent AND NOT active AND expired) AS "expiredUnused",
           count(*) FILTER (WHERE NOT active AND latest = ANY(${BOUNCED_MAIL_STATUSES}::text[])) AS bounced
    FROM acc`;
  return {
    sent: Number(row.sent),
    activated: Number(row.activated),
    neverActivated: Number(row.neverActivated),
    expiredUnused: Number(row.expiredUnused),
    bounced: Number(row.bounced),
  };
}

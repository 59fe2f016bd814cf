import 'server-only';
import { query } from '@/server/db';
import { DB_NOW } from '@/server/db/now';
import { insertEventSql } from '@/server/journal/journal.sql';
import { lifetimeSql } from './lifetimes';
import type { Audience, LoginPerson, ThrottlePolicy } from './sign-in-types';

// The raw SQL of the sign-in's throttle (docs/architecture.md: one `*.sql.ts` per floor or domain). These statements
// go through the engine's plain `query()`, not Prisma: the sign-in is the one hot path where Prisma's own cost showed
// (docs/decisions/006); each text is written once and prepared once per connection.

const interval = (ms: number) => `interval '${Math.round(ms)} milliseconds'`;

/** The lock time for a given failure count expression. */
function lockExpression(count: string, policy: ThrottlePolicy): string {
  const delays = Object.entries(policy.delays).map(
    ([n, ms]) => `WHEN ${count} = ${Number(n)} THEN ${DB_NOW} + ${interval(ms)}`,
  );
  return `CASE WHEN ${count} >= ${policy.lockAt} THEN ${DB_NOW} + ${interval(policy.lockMs)} ${delays.join(' ')} ELSE NULL END`;
}

/** True when the old count must restart: the lock it caused has ended, or the window has passed. */
function restartCondition(table: string, countCol: string, policy: ThrottlePolicy, windowCol?: string): string {
  const lockEnded = `(${table}."${countCol}" >= ${policy.lockAt} AND (${table}."lockedUntil" IS NULL OR ${table}."lockedUntil" <= ${DB_NOW}))`;
  if (policy.windowMs === null || !windowCol) return lockEnded;
  return `(${lockEnded} OR ${table}."${windowCol}" <= ${DB_NOW} - ${interval(policy.windowMs)})`;
}

/**
 * The upsert that counts one attempt in the bucket named by the parameter `key` (such as $1), unless its delay or
 * lock runs; `onlyIf` may skip it altogether. It returns the new count and lock.
 */
function countInBucket(key: string, policy: ThrottlePolicy, onlyIf = 'TRUE'): string {
  const restart = restartCondition('"ThrottleBucket"', 'failures', policy, 'windowStart');
  const newCount = `(CASE WHEN ${restart} THEN 1 ELSE "ThrottleBucket"."failures" + 1 END)`;
  return `
    INSERT INTO "ThrottleBucket" ("key", "failures", "windowStart", "lockedUntil", "updatedAt")
    SELECT ${key}, 1, ${DB_NOW}, ${lockExpression('1', policy)}, ${DB_NOW} WHERE ${onlyIf}
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${newCount},
      "windowStart" = CASE WHEN ${restart} THEN ${DB_NOW} ELSE "ThrottleBucket"."windowStart" END,
      "lockedUntil" = ${lockExpression(newCount, policy)},
      "updatedAt" = ${DB_NOW}
    WHERE "ThrottleBucket"."lockedUntil" IS NULL OR "ThrottleBucket"."lockedUntil" <= ${DB_NOW}
    RETURNING "failures", "lockedUntil"`;
}

// The statements are written once per policy (and audience); each call only binds its values.
const BUCKET_SQL = new Map<ThrottlePolicy, string>();
const bucketSql = (policy: ThrottlePolicy) =>
  BUCKET_SQL.get(policy) ??
  BUCKET_SQL.set(
    policy,
    `
    WITH counted AS (${countInBucket('$1::text', policy)})
    SELECT c."failures", COALESCE(c."lockedUntil", (SELECT "lockedUntil" FROM "ThrottleBucket" WHERE "key" = $1)) AS "lockedUntil"
    FROM (SELECT 1) AS one LEFT JOIN counted c ON TRUE`,
  ).get(policy)!;

/** Counts one attempt in the bucket `storedKey` (bucketKey's form) unless its delay or lock runs; null failures then. */
export async function countBucketAttempt(
  policy: ThrottlePolicy,
  storedKey: string,
): Promise<{ failures: number | null; lockedUntil: Date | null }> {
  const [row] = await query<{ failures: number | null; lockedUntil: Date | null }>(bucketSql(policy), [storedKey]);
  return row;
}

/** Each audience's people table, the column a login matches, and where the password lives. */
const TARGETS: Record<Audience, { table: string; login: string; password: string; columns: string }> = {
  EXTRANET: {
    table: '"ExtranetAccount"',
    login: '"login"',
    password: '"ExtranetPassword" p ON p."accountId" = t."id"',
    columns: `t."tiersId", t."status" = 'ENROLLED' AS "active", t."mustChangePassword",
              COALESCE(p."isTemporary" AND p."expiresAt" <= ${DB_NOW}, FALSE) AS "passwordExpired", NULL AS "role"`,
  },
  STAFF: {
    table: '"StaffUser"',
    login: '"email"',
    password: '"StaffPassword" p ON p."userId" = t."id"',
    columns: `NULL AS "tiersId", t."disabledAt" IS NULL AS "active", FALSE AS "mustChangePassword",
              FALSE AS "passwordExpired", t."role"::text AS "role"`,
  },
};

export type LoginRow = Omit<LoginPerson, 'id'> & {
  id: string | null;
  addressFailures: number | null;
  addressLockedUntil: Date | null;
  loginFailures: number | null;
  loginLockedUntil: Date | null;
};

// $1 the login, $2 its bucket key (no such person), $3 the address's bucket key (null: no address, nothing to count).
function reserveLoginSql(audience: Audience, loginPolicy: ThrottlePolicy, ipPolicy: ThrottlePolicy): string {
  const { table, login, password, columns } = TARGETS[audience];
  const personCount = `(CASE WHEN ${restartCondition(table, 'failedLoginCount', loginPolicy)} THEN 1 ELSE ${table}."failedLoginCount" + 1 END)`;
  return `
  WITH counted_address AS (
    ${countInBucket('$3::text', ipPolicy, '$3::text IS NOT NULL')}
  ), address AS (
    SELECT "failures", "lockedUntil" FROM counted_address
    UNION ALL SELECT 0, NULL WHERE $3::text IS NULL
  ), target AS (
    SELECT t."id", t."credentialVersion", t."lockedUntil", p."hash", ${columns}
    FROM ${table} t LEFT JOIN ${password} WHERE t.${login} = $1
  ), counted AS (
    UPDATE ${table} SET
      "failedLoginCount" = ${personCount},
      "lockedUntil" = ${lockExpression(personCount, loginPolicy)},
      "updatedAt" = ${DB_NOW}
    WHERE ${login} = $1 AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${DB_NOW}) AND EXISTS (SELECT 1 FROM address)
    RETURNING "failedLoginCount" AS "failures", "lockedUntil"
  ), unknown AS (
    ${countInBucket('$2::text', loginPolicy, 'NOT EXISTS (SELECT 1 FROM target) AND EXISTS (SELECT 1 FROM address)')}
  )
  SELECT t."id", t."credentialVersion", t."active", t."hash", t."passwordExpired", t."mustChangePassword", t."tiersId", t."role",
         a."failures" AS "addressFailures",
         COALESCE(a."lockedUntil", (SELECT "lockedUntil" FROM "ThrottleBucket" WHERE "key" = $3)) AS "addressLockedUntil",
         COALESCE(c."failures", u."failures") AS "loginFailures",
         CASE WHEN c."failures" IS NOT NULL THEN c."lockedUntil" WHEN u."failures" IS NOT NULL THEN u."lockedUntil"
              ELSE COALESCE(t."lockedUntil", (SELECT "lockedUntil" FROM "ThrottleBucket" WHERE "key" = $2)) END AS "loginLockedUntil"
  FROM (SELECT 1) AS one
  LEFT JOIN address a ON TRUE
  LEFT JOIN target t ON TRUE
  LEFT JOIN counted c ON TRUE
  LEFT JOIN unknown u ON TRUE`;
}

const LOGIN_SQL = new Map<Audience, { login: ThrottlePolicy; ip: ThrottlePolicy; sql: string }>();

/**
 * The sign-in's one statement (decision 031): counts the attempt against the client address (`ipKey`, null: none)
 * and the login (the person's row, or the bucket `unknownKey` when the login names nobody), and reads the person with
 * their password. Keys in bucketKey's form.
 */
export async function countLoginAttempt(
  audience: Audience,
  policies: { login: ThrottlePolicy; ip: ThrottlePolicy },
  keys: { login: string; unknownKey: string; ipKey: string | null },
): Promise<LoginRow> {
  let cached = LOGIN_SQL.get(audience);
  if (cached?.login !== policies.login || cached.ip !== policies.ip) {
    cached = { ...policies, sql: reserveLoginSql(audience, policies.login, policies.ip) };
    LOGIN_SQL.set(audience, cached);
  }
  const [row] = await query<LoginRow>(cached.sql, [keys.login, keys.unknownKey, keys.ipKey]);
  return row;
}

// $1 session id, $2 person, $3 tiers (extranet), $4 address bucket key, $5 ip, $6 user agent, $7 what was typed,
// $8 details, $9 the token's hash, $10 credential version, $11 "Rester connecté".
function openSessionSql(audience: Audience): string {
  const staff = audience === 'STAFF';
  const table = staff ? '"StaffUser"' : '"ExtranetAccount"';
  const personColumn = staff ? '"staffId"' : '"accountId"';
  const { idle, absolute } = lifetimeSql(audience, '$11::boolean');
  // The journal's row, written by the journal's own INSERT: one statement, one round trip for the whole sign-in.
  const event = insertEventSql(audience, staff ? 'staff.login' : 'extranet.login', {
    actorId: '$2',
    tiersId: '$3::text',
    targetId: '$1',
    ip: '$5',
    details: '$8::jsonb',
  });
  return `
  WITH person AS (
    UPDATE ${table} SET "failedLoginCount" = 0, "lockedUntil" = NULL, "lastLoginAt" = ${DB_NOW}, "updatedAt" = ${DB_NOW}
    WHERE "id" = $2
  ), address AS (
    UPDATE "ThrottleBucket" SET "failures" = GREATEST("failures" - 1, 0), "updatedAt" = ${DB_NOW} WHERE "key" = $4
  ), session AS (
    INSERT INTO "Session" ("id", "tokenHash", "audience", ${personColumn}, "credentialVersion", "remember", "ip", "userAgent",
                           "createdAt", "lastSeenAt", "idleExpiresAt", "absoluteExpiresAt")
    VALUES ($1, $9, '${audience}', $2, $10, $11, $5, $6, ${DB_NOW}, ${DB_NOW}, ${DB_NOW} + ${idle}, ${DB_NOW} + ${absolute})
  ), attempt AS (
    INSERT INTO "LoginAttempt" ("loginInput", ${personColumn}, "outcome", "ip", "userAgent", "createdAt")
    VALUES ($7, $2, 'SUCCESS', $5, $6, ${DB_NOW})
  )
  ${event}`;
}

/** A successful sign-in in one statement: the person's counters, the address's bucket, the session, the attempt, the journal. */
const OPEN_SESSION_SQL: Record<Audience, string> = {
  EXTRANET: openSessionSql('EXTRANET'),
  STAFF: openSessionSql('STAFF'),
};

export type OpenedSession = {
  sessionId: string;
  personId: string;
  tiersId: string | null;
  addressKey: string | null;
  ip: string | null;
  userAgent: string | null;
  loginInput: string | null;
  details: Record<string, unknown>;
  tokenHash: string;
  credentialVersion: number;
  remember: boolean;
};

/** Opens the session of a successful sign-in (OPEN_SESSION_SQL), in one round trip. */
export async function openSession(audience: Audience, s: OpenedSession): Promise<void> {
  await query(OPEN_SESSION_SQL[audience], [
    s.sessionId,
    s.personId,
    s.tiersId,
    s.addressKey,
    s.ip,
    s.userAgent,
    s.loginInput,
    JSON.stringify(s.details),
    s.tokenHash,
    s.credentialVersion,
    s.remember,
  ]);
}

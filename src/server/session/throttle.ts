import 'server-only';
import type { AccountStatus } from '@/generated/prisma/enums';
import { query, type Tx } from '@/server/db';

// Throttling state lives in the database so that every app instance sees it. Each attempt is counted BEFORE the
// password is checked, in one atomic statement that also refuses it while a delay or lock runs: 50 parallel
// attempts therefore cannot get more than the allowed number of password checks (docs/decisions/031).

export type ThrottlePolicy = {
  /** Failures that lock; the count restarts after the lock has ended. */
  lockAt: number;
  lockMs: number;
  /** Short waits before the lock, by failure count: the "growing delays". */
  delays: Record<number, number>;
  /** Failures older than this are forgotten; null = consecutive failures until a success or a lock. */
  windowMs: number | null;
};

/** Per identifiant (an existing account's row, or a bucket for an unknown one: the same rules for both). */
export const LOGIN_POLICY: ThrottlePolicy = {
  lockAt: 5,
  lockMs: 15 * 60_000,
  delays: { 3: 30_000, 4: 60_000 },
  windowMs: null,
};
/** Per client address: wide enough for a shared office or a phone carrier, narrow enough to stop a spray. */
export const IP_POLICY: ThrottlePolicy = { lockAt: 30, lockMs: 15 * 60_000, delays: {}, windowMs: 15 * 60_000 };
/** "Mot de passe oublié" requests, per address and per what was typed. */
export const RESET_POLICY: ThrottlePolicy = { lockAt: 5, lockMs: 15 * 60_000, delays: {}, windowMs: 15 * 60_000 };

export type Reservation =
  { allowed: true; failures: number; lockedUntil: Date | null } | { allowed: false; lockedUntil: Date };

/** The database clock, as Prisma stores DateTime (UTC, without time zone): one clock for every instance. */
export const DB_NOW = `(now() AT TIME ZONE 'UTC')`;
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

/** An attempt that was not counted meets a running delay or lock. */
function reservation(failures: number | null, lockedUntil: Date | null): Reservation {
  if (failures !== null) return { allowed: true, failures, lockedUntil };
  // The lock is read from the statement's snapshot: when a parallel attempt has just set it, the snapshot does not
  // show it yet, and this attempt is refused for a second.
  return {
    allowed: false,
    lockedUntil: lockedUntil && lockedUntil > new Date() ? lockedUntil : new Date(Date.now() + 1000),
  };
}

// The statements are written once per policy; each call only binds its values.
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

/** Counts one attempt against a bucket key ("Mot de passe oublié" requests), unless it is locked. */
export async function reserveBucket(key: string, policy: ThrottlePolicy): Promise<Reservation> {
  const [row] = await query<{ failures: number | null; lockedUntil: Date | null }>(bucketSql(policy), [key]);
  return reservation(row.failures, row.lockedUntil);
}

/** What a sign-in needs to know about the account an identifiant names. */
export type LoginAccount = {
  id: string;
  tiersId: string;
  status: AccountStatus;
  credentialVersion: number;
  mustChangePassword: boolean;
  hash: string | null;
  isTemporary: boolean | null;
  expiresAt: Date | null;
};

type LoginRow = Omit<LoginAccount, 'id'> & {
  id: string | null;
  addressFailures: number | null;
  addressLockedUntil: Date | null;
  loginFailures: number | null;
  loginLockedUntil: Date | null;
};

const accountCount = `(CASE WHEN ${restartCondition('"ExtranetAccount"', 'failedLoginCount', LOGIN_POLICY)} THEN 1 ELSE "failedLoginCount" + 1 END)`;

// $1 the identifiant, $2 its bucket key, $3 the address's bucket key (null: no address, nothing to count).
const RESERVE_LOGIN_SQL = `
  WITH counted_address AS (
    ${countInBucket('$3::text', IP_POLICY, '$3::text IS NOT NULL')}
  ), address AS (
    SELECT "failures", "lockedUntil" FROM counted_address
    UNION ALL SELECT 0, NULL WHERE $3::text IS NULL
  ), target AS (
    SELECT "id", "tiersId", "status", "credentialVersion", "mustChangePassword", "lockedUntil" FROM "ExtranetAccount" WHERE "login" = $1
  ), counted AS (
    UPDATE "ExtranetAccount" SET
      "failedLoginCount" = ${accountCount},
      "lockedUntil" = ${lockExpression(accountCount, LOGIN_POLICY)},
      "updatedAt" = ${DB_NOW}
    WHERE "login" = $1 AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${DB_NOW}) AND EXISTS (SELECT 1 FROM address)
    RETURNING "failedLoginCount" AS "failures", "lockedUntil"
  ), unknown AS (
    ${countInBucket('$2::text', LOGIN_POLICY, 'NOT EXISTS (SELECT 1 FROM target) AND EXISTS (SELECT 1 FROM address)')}
  )
  SELECT t."id", t."tiersId", t."status"::text AS "status", t."credentialVersion", t."mustChangePassword",
         p."hash", p."isTemporary", p."expiresAt",
         a."failures" AS "addressFailures",
         COALESCE(a."lockedUntil", (SELECT "lockedUntil" FROM "ThrottleBucket" WHERE "key" = $3)) AS "addressLockedUntil",
         COALESCE(c."failures", u."failures") AS "loginFailures",
         CASE WHEN c."failures" IS NOT NULL THEN c."lockedUntil" WHEN u."failures" IS NOT NULL THEN u."lockedUntil"
              ELSE COALESCE(t."lockedUntil", (SELECT "lockedUntil" FROM "ThrottleBucket" WHERE "key" = $2)) END AS "loginLockedUntil"
  FROM (SELECT 1) AS one
  LEFT JOIN address a ON TRUE
  LEFT JOIN target t ON TRUE
  LEFT JOIN "ExtranetPassword" p ON p."accountId" = t."id"
  LEFT JOIN counted c ON TRUE
  LEFT JOIN unknown u ON TRUE`;

/**
 * Counts a sign-in attempt against the client address and the identifiant, and reads the account the identifiant
 * names with its password: one statement, one round trip. The address is counted first; while it is locked nothing
 * else is. An existing account is counted on its own row, so that staff see the lock and lift it ("Déverrouiller");
 * an identifiant that names no account is counted in a bucket under the same rules, at the same cost, so that
 * neither the answer nor its timing tells whether the identifiant exists.
 */
export async function reserveLogin(
  login: string,
  ip: string | null,
): Promise<{ account: LoginAccount | null; byIp: Reservation; byLogin: Reservation }> {
  const [row] = await query<LoginRow>(RESERVE_LOGIN_SQL, [login, loginKey(login), ip ? ipKey(ip) : null]);
  const { id, addressFailures, addressLockedUntil, loginFailures, loginLockedUntil, ...account } = row;
  return {
    account: id ? { id, ...account } : null,
    byIp: reservation(addressFailures, addressLockedUntil),
    byLogin: reservation(loginFailures, loginLockedUntil),
  };
}

/** Gives back an attempt that turned out to be a success (the address is not to blame for it). */
export async function releaseBucket(tx: Tx, key: string): Promise<void> {
  await tx.throttleBucket.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

export const ipKey = (ip: string) => `ip:${ip}`;
export const loginKey = (login: string) => `login:${login}`;

import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { AccountStatus } from '@/generated/prisma/enums';
import type { Tx } from '@/server/db';

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
export const LOGIN_POLICY: ThrottlePolicy = { lockAt: 5, lockMs: 15 * 60_000, delays: { 3: 30_000, 4: 60_000 }, windowMs: null };
/** Per client address: wide enough for a shared office or a phone carrier, narrow enough to stop a spray. */
export const IP_POLICY: ThrottlePolicy = { lockAt: 30, lockMs: 15 * 60_000, delays: {}, windowMs: 15 * 60_000 };
/** "Mot de passe oublié" requests, per address and per what was typed. */
export const RESET_POLICY: ThrottlePolicy = { lockAt: 5, lockMs: 15 * 60_000, delays: {}, windowMs: 15 * 60_000 };

export type Reservation = { allowed: true; failures: number; lockedUntil: Date | null } | { allowed: false; lockedUntil: Date };

/** The database clock, as Prisma stores DateTime (UTC, without time zone): one clock for every instance. */
export const DB_NOW = Prisma.raw(`(now() AT TIME ZONE 'UTC')`);
const NOW = DB_NOW;
const interval = (ms: number) => Prisma.raw(`interval '${Math.round(ms)} milliseconds'`);

/** The lock time for a given failure count expression. */
function lockExpression(count: Prisma.Sql, policy: ThrottlePolicy): Prisma.Sql {
  const cases = [
    Prisma.sql`WHEN ${count} >= ${Prisma.raw(String(policy.lockAt))} THEN ${NOW} + ${interval(policy.lockMs)}`,
    ...Object.entries(policy.delays).map(([n, ms]) => Prisma.sql`WHEN ${count} = ${Prisma.raw(String(Number(n)))} THEN ${NOW} + ${interval(ms)}`),
  ];
  return Prisma.sql`CASE ${Prisma.join(cases, ' ')} ELSE NULL END`;
}

/** True when the old count must restart: the lock it caused has ended, or the window has passed. */
function restartCondition(table: string, countCol: string, lockCol: string, policy: ThrottlePolicy, windowCol?: string): Prisma.Sql {
  const lockEnded = Prisma.raw(`(${table}."${countCol}" >= ${policy.lockAt} AND (${table}."${lockCol}" IS NULL OR ${table}."${lockCol}" <= (now() AT TIME ZONE 'UTC')))`);
  if (policy.windowMs === null || !windowCol) return lockEnded;
  return Prisma.sql`(${lockEnded} OR ${Prisma.raw(`${table}."${windowCol}"`)} <= ${NOW} - ${interval(policy.windowMs)})`;
}

/** The upsert that counts one attempt in a bucket, unless its delay or lock runs; `onlyIf` may skip it altogether. */
function countInBucket(key: string, policy: ThrottlePolicy, onlyIf: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  const restart = restartCondition('"ThrottleBucket"', 'failures', 'lockedUntil', policy, 'windowStart');
  const newCount = Prisma.sql`(CASE WHEN ${restart} THEN 1 ELSE "ThrottleBucket"."failures" + 1 END)`;
  return Prisma.sql`
    INSERT INTO "ThrottleBucket" ("key", "failures", "windowStart", "lockedUntil", "updatedAt")
    SELECT ${key}, 1, ${NOW}, ${lockExpression(Prisma.raw('1'), policy)}, ${NOW} WHERE ${onlyIf}
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${newCount},
      "windowStart" = CASE WHEN ${restart} THEN ${NOW} ELSE "ThrottleBucket"."windowStart" END,
      "lockedUntil" = ${lockExpression(newCount, policy)},
      "updatedAt" = ${NOW}
    WHERE "ThrottleBucket"."lockedUntil" IS NULL OR "ThrottleBucket"."lockedUntil" <= ${NOW}
    RETURNING "failures", "lockedUntil"`;
}

/** An attempt that was not counted meets a running delay or lock. */
function reservation(counted: boolean, failures: number | null, lockedUntil: Date | null): Reservation {
  if (counted) return { allowed: true, failures: failures ?? 1, lockedUntil };
  // The lock is read from the statement's snapshot: when a parallel attempt has just set it, the snapshot does not
  // show it yet, and this attempt is refused for a second.
  return { allowed: false, lockedUntil: lockedUntil && lockedUntil > new Date() ? lockedUntil : new Date(Date.now() + 1000) };
}

/** Counts one attempt against a bucket key ("Mot de passe oublié" requests), unless it is locked. */
export async function reserveBucket(tx: Tx, key: string, policy: ThrottlePolicy): Promise<Reservation> {
  const [row] = await tx.$queryRaw<{ failures: number | null; lockedUntil: Date | null }[]>`
    WITH counted AS (${countInBucket(key, policy)})
    SELECT c."failures", COALESCE(c."lockedUntil", (SELECT "lockedUntil" FROM "ThrottleBucket" WHERE "key" = ${key})) AS "lockedUntil"
    FROM (SELECT 1) AS one LEFT JOIN counted c ON TRUE`;
  return reservation(row.failures !== null, row.failures, row.lockedUntil);
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

/**
 * Counts a sign-in attempt against the client address and the identifiant, and reads the account the identifiant
 * names with its password: one statement, one round trip. The address is counted first; while it is locked nothing
 * else is. An existing account is counted on its own row, so that staff see the lock and lift it ("Déverrouiller");
 * an identifiant that names no account is counted in a bucket under the same rules, at the same cost, so that
 * neither the answer nor its timing tells whether the identifiant exists.
 */
export async function reserveLogin(tx: Tx, login: string, ip: string | null): Promise<{ account: LoginAccount | null; byIp: Reservation; byLogin: Reservation }> {
  const restart = restartCondition('"ExtranetAccount"', 'failedLoginCount', 'lockedUntil', LOGIN_POLICY);
  const newCount = Prisma.sql`(CASE WHEN ${restart} THEN 1 ELSE "failedLoginCount" + 1 END)`;
  const address = ip ? ipKey(ip) : null;
  const [row] = await tx.$queryRaw<LoginRow[]>`
    WITH address AS (${address ? countInBucket(address, IP_POLICY) : Prisma.sql`SELECT 0 AS "failures", NULL::timestamp(3) AS "lockedUntil"`}),
    target AS (
      SELECT "id", "tiersId", "status", "credentialVersion", "mustChangePassword", "lockedUntil" FROM "ExtranetAccount" WHERE "login" = ${login}
    ), counted AS (
      UPDATE "ExtranetAccount" SET
        "failedLoginCount" = ${newCount},
        "lockedUntil" = ${lockExpression(newCount, LOGIN_POLICY)},
        "updatedAt" = ${NOW}
      WHERE "login" = ${login} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${NOW}) AND EXISTS (SELECT 1 FROM address)
      RETURNING "failedLoginCount" AS "failures", "lockedUntil"
    ), unknown AS (
      ${countInBucket(loginKey(login), LOGIN_POLICY, Prisma.sql`NOT EXISTS (SELECT 1 FROM target) AND EXISTS (SELECT 1 FROM address)`)}
    )
    SELECT t."id", t."tiersId", t."status"::text AS "status", t."credentialVersion", t."mustChangePassword",
           p."hash", p."isTemporary", p."expiresAt",
           a."failures" AS "addressFailures",
           COALESCE(a."lockedUntil", (SELECT "lockedUntil" FROM "ThrottleBucket" WHERE "key" = ${address})) AS "addressLockedUntil",
           COALESCE(c."failures", u."failures") AS "loginFailures",
           CASE WHEN c."failures" IS NOT NULL THEN c."lockedUntil" WHEN u."failures" IS NOT NULL THEN u."lockedUntil"
                ELSE COALESCE(t."lockedUntil", (SELECT "lockedUntil" FROM "ThrottleBucket" WHERE "key" = ${loginKey(login)})) END AS "loginLockedUntil"
    FROM (SELECT 1) AS one
    LEFT JOIN address a ON TRUE
    LEFT JOIN target t ON TRUE
    LEFT JOIN "ExtranetPassword" p ON p."accountId" = t."id"
    LEFT JOIN counted c ON TRUE
    LEFT JOIN unknown u ON TRUE`;
  const { id, addressFailures, addressLockedUntil, loginFailures, loginLockedUntil, ...account } = row;
  return {
    account: id ? { id, ...account } : null,
    byIp: reservation(addressFailures !== null, addressFailures, addressLockedUntil),
    byLogin: reservation(loginFailures !== null, loginFailures, loginLockedUntil),
  };
}

/** Gives back an attempt that turned out to be a success (the address is not to blame for it). */
export async function releaseBucket(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`UPDATE "ThrottleBucket" SET "failures" = GREATEST("failures" - 1, 0), "updatedAt" = ${NOW} WHERE "key" = ${key}`;
}

export const ipKey = (ip: string) => `ip:${ip}`;
export const loginKey = (login: string) => `login:${login}`;

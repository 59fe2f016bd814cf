import 'server-only';
import { Prisma } from '@/generated/prisma/client';
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

const NOW = Prisma.raw(`(now() AT TIME ZONE 'UTC')`);
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

type Row = { failures: number; lockedUntil: Date | null };

/** Counts one attempt against a bucket key (an IP, an unknown identifiant, a reset request), unless it is locked. */
export async function reserveBucket(tx: Tx, key: string, policy: ThrottlePolicy, retried = false): Promise<Reservation> {
  const restart = restartCondition('"ThrottleBucket"', 'failures', 'lockedUntil', policy, 'windowStart');
  const newCount = Prisma.sql`(CASE WHEN ${restart} THEN 1 ELSE "ThrottleBucket"."failures" + 1 END)`;
  const rows = await tx.$queryRaw<Row[]>`
    INSERT INTO "ThrottleBucket" ("key", "failures", "windowStart", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, ${NOW}, ${lockExpression(Prisma.raw('1'), policy)}, ${NOW})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${newCount},
      "windowStart" = CASE WHEN ${restart} THEN ${NOW} ELSE "ThrottleBucket"."windowStart" END,
      "lockedUntil" = ${lockExpression(newCount, policy)},
      "updatedAt" = ${NOW}
    WHERE "ThrottleBucket"."lockedUntil" IS NULL OR "ThrottleBucket"."lockedUntil" <= ${NOW}
    RETURNING "failures", "lockedUntil"`;
  if (rows[0]) return { allowed: true, failures: rows[0].failures, lockedUntil: rows[0].lockedUntil };
  const bucket = await tx.throttleBucket.findUnique({ where: { key }, select: { lockedUntil: true } });
  return lockedOrRetry(bucket?.lockedUntil, retried, () => reserveBucket(tx, key, policy, true));
}

/** The same for an existing account, on its own row, so that staff see the lock and can lift it ("Déverrouiller"). */
export async function reserveAccount(tx: Tx, accountId: string, policy: ThrottlePolicy = LOGIN_POLICY, retried = false): Promise<Reservation> {
  const restart = restartCondition('"ExtranetAccount"', 'failedLoginCount', 'lockedUntil', policy);
  const newCount = Prisma.sql`(CASE WHEN ${restart} THEN 1 ELSE "failedLoginCount" + 1 END)`;
  const rows = await tx.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    UPDATE "ExtranetAccount" SET
      "failedLoginCount" = ${newCount},
      "lockedUntil" = ${lockExpression(newCount, policy)},
      "updatedAt" = ${NOW}
    WHERE "id" = ${accountId} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${NOW})
    RETURNING "failedLoginCount" AS "failures", "lockedUntil"`;
  if (rows[0]) return { allowed: true, failures: rows[0].failures, lockedUntil: rows[0].lockedUntil };
  const account = await tx.extranetAccount.findUnique({ where: { id: accountId }, select: { lockedUntil: true } });
  return lockedOrRetry(account?.lockedUntil, retried, () => reserveAccount(tx, accountId, policy, true));
}

// The lock may have ended between the two statements: then the attempt is counted again, once.
async function lockedOrRetry(lockedUntil: Date | null | undefined, retried: boolean, retry: () => Promise<Reservation>): Promise<Reservation> {
  if (lockedUntil && (retried || lockedUntil > new Date())) return { allowed: false, lockedUntil };
  if (retried) return { allowed: false, lockedUntil: new Date(Date.now() + 1000) };
  return retry();
}

/** Gives back an attempt that turned out to be a success (the address is not to blame for it). */
export async function releaseBucket(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`UPDATE "ThrottleBucket" SET "failures" = GREATEST("failures" - 1, 0), "updatedAt" = ${NOW} WHERE "key" = ${key}`;
}

export const ipKey = (ip: string) => `ip:${ip}`;
export const loginKey = (login: string) => `login:${login}`;

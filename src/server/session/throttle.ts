import 'server-only';
import { createHash } from 'node:crypto';
import { query, type Tx } from '@/server/db';
import { DB_NOW } from '@/server/db/now';

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
  const [row] = await query<{ failures: number | null; lockedUntil: Date | null }>(bucketSql(policy), [bucketKey(key)]);
  return reservation(row.failures, row.lockedUntil);
}

/** Who signs in: each audience's people table, the column a login matches, and where the password lives. */
export type Audience = 'STAFF' | 'EXTRANET';

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

/** What a sign-in needs to know about the person a login names (staff member or extranet account). */
export type LoginPerson = {
  id: string;
  credentialVersion: number;
  /** Enrolled (extranet) or not disabled (staff): only then is the password checked against the real hash. */
  active: boolean;
  hash: string | null;
  passwordExpired: boolean;
  mustChangePassword: boolean;
  tiersId: string | null;
  role: 'ADMIN' | 'GESTIONNAIRE' | 'SUPPORT' | null;
};

type LoginRow = Omit<LoginPerson, 'id'> & {
  id: string | null;
  addressFailures: number | null;
  addressLockedUntil: Date | null;
  loginFailures: number | null;
  loginLockedUntil: Date | null;
};

// $1 the login, $2 its bucket key (no such person), $3 the address's bucket key (null: no address, nothing to count).
function reserveLoginSql(audience: Audience): string {
  const { table, login, password, columns } = TARGETS[audience];
  const personCount = `(CASE WHEN ${restartCondition(table, 'failedLoginCount', LOGIN_POLICY)} THEN 1 ELSE ${table}."failedLoginCount" + 1 END)`;
  return `
  WITH counted_address AS (
    ${countInBucket('$3::text', IP_POLICY, '$3::text IS NOT NULL')}
  ), address AS (
    SELECT "failures", "lockedUntil" FROM counted_address
    UNION ALL SELECT 0, NULL WHERE $3::text IS NULL
  ), target AS (
    SELECT t."id", t."credentialVersion", t."lockedUntil", p."hash", ${columns}
    FROM ${table} t LEFT JOIN ${password} WHERE t.${login} = $1
  ), counted AS (
    UPDATE ${table} SET
      "failedLoginCount" = ${personCount},
      "lockedUntil" = ${lockExpression(personCount, LOGIN_POLICY)},
      "updatedAt" = ${DB_NOW}
    WHERE ${login} = $1 AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${DB_NOW}) AND EXISTS (SELECT 1 FROM address)
    RETURNING "failedLoginCount" AS "failures", "lockedUntil"
  ), unknown AS (
    ${countInBucket('$2::text', LOGIN_POLICY, 'NOT EXISTS (SELECT 1 FROM target) AND EXISTS (SELECT 1 FROM address)')}
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

const RESERVE_LOGIN_SQL: Record<Audience, string> = {
  EXTRANET: reserveLoginSql('EXTRANET'),
  STAFF: reserveLoginSql('STAFF'),
};

/**
 * Counts a sign-in attempt against the client address and the login, and reads the person the login names with their
 * password: one statement, one round trip. The address is counted first; while it is locked nothing else is. An
 * existing person is counted on their own row, so that staff see the lock and lift it ("Déverrouiller"); a login that
 * names nobody is counted in a bucket under the same rules, at the same cost, so that neither the answer nor its
 * timing tells whether the login exists.
 */
export async function reserveLogin(
  audience: Audience,
  login: string,
  ip: string | null,
): Promise<{ person: LoginPerson | null; byIp: Reservation; byLogin: Reservation }> {
  const unknownKey = audience === 'STAFF' ? staffLoginKey(login) : loginKey(login);
  const [row] = await query<LoginRow>(RESERVE_LOGIN_SQL[audience], [
    login,
    bucketKey(unknownKey),
    ip ? bucketKey(ipKey(ip)) : null,
  ]);
  const { id, addressFailures, addressLockedUntil, loginFailures, loginLockedUntil, ...person } = row;
  return {
    person: id ? { id, ...person } : null,
    byIp: reservation(addressFailures, addressLockedUntil),
    byLogin: reservation(loginFailures, loginLockedUntil),
  };
}
/** Gives back an attempt that turned out to be a success (the address is not to blame for it). */
export async function releaseBucket(tx: Tx, key: string): Promise<void> {
  await tx.throttleBucket.updateMany({
    where: { key: bucketKey(key), failures: { gt: 0 } },
    data: { failures: { decrement: 1 } },
  });
}

/**
 * The stored form of a key "<kind>:<value>": the kind, then the SHA-256 of the value. What a person typed (perhaps a
 * password in the wrong field) is never stored in clear; callers name keys in clear.
 */
export function bucketKey(key: string): string {
  const colon = key.indexOf(':');
  return `${key.slice(0, colon + 1)}${createHash('sha256')
    .update(key.slice(colon + 1))
    .digest('base64url')}`;
}
/** One count per client address, shared by the staff and extranet sign-ins. */
export const ipKey = (ip: string) => `ip:${ip}`;
/** An extranet identifiant that names no account. */
export const loginKey = (login: string) => `login:${login}`;
/** A staff e-mail that names no staff member. */
export const staffLoginKey = (email: string) => `staff-login:${email}`;

import 'server-only';
import { createHash } from 'node:crypto';
import type { Tx } from '@/server/db';
import { countBucketAttempt, countLoginAttempt } from './session.sql';
import type { Audience, LoginPerson, ThrottlePolicy } from './sign-in-types';

// Throttling state lives in the database so that every app instance sees it. Each attempt is counted BEFORE the
// password is checked, in one atomic statement that also refuses it while a delay or lock runs: 50 parallel
// attempts therefore cannot get more than the allowed number of password checks (docs/decisions/031).

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

/** Counts one attempt against a bucket key ("Mot de passe oublié" requests), unless it is locked. */
export async function reserveBucket(key: string, policy: ThrottlePolicy): Promise<Reservation> {
  const row = await countBucketAttempt(policy, bucketKey(key));
  return reservation(row.failures, row.lockedUntil);
}

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
  const row = await countLoginAttempt(
    audience,
    { login: LOGIN_POLICY, ip: IP_POLICY },
    { login, unknownKey: bucketKey(unknownKey), ipKey: ip ? bucketKey(ipKey(ip)) : null },
  );
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

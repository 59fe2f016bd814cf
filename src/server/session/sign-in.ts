import 'server-only';
import { randomUUID } from 'node:crypto';
import type { LoginOutcome } from '@/generated/prisma/enums';
import { hashPassword, verifyPassword } from './password';
import { db, query } from '@/server/db';
import { isDatabaseUnavailable } from '@/server/errors';
import { afterAnswer } from './after-answer';
import { lifetimeSql } from './lifetimes';
import {
  LOGIN_FAILED,
  SERVICE_UNAVAILABLE,
  STAFF_LOGIN_FAILED,
  TEMPORARY_PASSWORD_EXPIRED,
  tryAgainAt,
} from './messages';
import { DB_NOW } from '@/server/db/now';
import { bucketKey, ipKey, releaseBucket, reserveLogin, type Audience, type LoginPerson } from './throttle';
import { newToken } from '@/server/crypto/token';
import { normalizeLogin, storableLogin } from './typed-login';

export type SignInRequest = {
  login: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** "Rester connecté" (extranet only). */
  remember?: boolean;
};

export type SignInResult =
  | { ok: true; token: string; sessionId: string; person: LoginPerson; remember: boolean }
  | {
      ok: false;
      error: string;
      outcome: LoginOutcome | null;
      status: 401 | 503;
      /** While a delay or a lock holds: when a new try is allowed (the extranet's countdown). */
      retryAt?: Date;
    };

/** Told when an attempt starts a delay or the lock of an existing person; runs after the answer has left. */
export type LockNotice = (
  person: LoginPerson,
  lock: { until: Date; failures: number; ip: string | null },
) => Promise<void>;

const FAILED: Record<Audience, string> = { EXTRANET: LOGIN_FAILED, STAFF: STAFF_LOGIN_FAILED };

/**
 * The one guarded sign-in, for staff and extranet alike. Every failure answers with the same message after the same
 * work (one statement that counts the attempt and reads the person, one argon2 verification — against a dummy hash
 * when no active person matches —, one attempt row), so neither the answer nor its timing tells whether the login
 * exists; what exists for one kind of attempt only (the lock's journal event, the ADMIN's mail) runs after the answer.
 * A database that cannot be reached is said so (503), never reported as a wrong password.
 */
export async function guardedSignIn(
  audience: Audience,
  request: SignInRequest,
  onLock?: LockNotice,
): Promise<SignInResult> {
  try {
    return await signIn(audience, request, onLock);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.warn(`[sign-in] database unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, error: SERVICE_UNAVAILABLE, outcome: null, status: 503 };
  }
}

async function signIn(audience: Audience, request: SignInRequest, onLock?: LockNotice): Promise<SignInResult> {
  const login = normalizeLogin(request.login).slice(0, 320);
  const now = new Date();
  const seen = {
    loginInput: storableLogin(login),
    ip: request.ip,
    userAgent: request.userAgent?.slice(0, 500) ?? null,
  };
  const personColumn = audience === 'STAFF' ? 'staffId' : 'accountId';
  const attempt = (outcome: LoginOutcome, personId: string | null) =>
    db.loginAttempt.create({ data: { ...seen, outcome, [personColumn]: personId } });
  const refused = (outcome: LoginOutcome, error: string, retryAt?: Date | null) => ({
    ok: false as const,
    outcome,
    error,
    status: 401 as const,
    ...(retryAt && { retryAt }),
  });

  const { person, byIp, byLogin } = await reserveLogin(audience, login, request.ip);
  if (!byIp.allowed) {
    await attempt('THROTTLED', null);
    return refused('THROTTLED', tryAgainAt(byIp.lockedUntil, now), byIp.lockedUntil);
  }
  if (!byLogin.allowed) {
    await attempt('LOCKED', person?.id ?? null);
    return refused('LOCKED', tryAgainAt(byLogin.lockedUntil, now), byLogin.lockedUntil);
  }

  const { valid, needsRehash } = await verifyPassword(person?.active ? person.hash : null, request.password);
  if (!person || !person.active || !valid) {
    const outcome: LoginOutcome = !person ? 'UNKNOWN_LOGIN' : !person.active ? 'UNENROLLED' : 'WRONG_PASSWORD';
    await attempt(outcome, person?.id ?? null);
    const until = byLogin.lockedUntil;
    if (person && until && onLock) {
      await afterAnswer('sign-in lock notice', () =>
        onLock(person, { until, failures: byLogin.failures, ip: request.ip }),
      );
    }
    // The failure that started a delay or the lock says so at once; the others keep the plain message.
    return refused(outcome, until ? `${FAILED[audience]} ${tryAgainAt(until, now)}` : FAILED[audience], until);
  }

  // Only someone who knows the password learns that it has expired: telling them whom to call is the point.
  if (person.passwordExpired) {
    await db.$transaction(async (tx) => {
      await tx.extranetAccount.update({ where: { id: person.id }, data: { failedLoginCount: 0, lockedUntil: null } });
      if (seen.ip) await releaseBucket(tx, ipKey(seen.ip));
      await tx.loginAttempt.create({ data: { ...seen, outcome: 'TEMPORARY_PASSWORD_EXPIRED', accountId: person.id } });
    });
    return refused('TEMPORARY_PASSWORD_EXPIRED', TEMPORARY_PASSWORD_EXPIRED);
  }
  if (needsRehash) {
    const hash = await hashPassword(request.password);
    if (audience === 'STAFF') await db.staffPassword.update({ where: { userId: person.id }, data: { hash } });
    else await db.extranetPassword.update({ where: { accountId: person.id }, data: { hash } });
  }
  const remember = audience === 'EXTRANET' && !!request.remember;
  const { token, tokenHash } = newToken();
  const sessionId = randomUUID();
  await query(OPEN_SESSION_SQL[audience], [
    sessionId,
    person.id,
    person.tiersId,
    seen.ip ? bucketKey(ipKey(seen.ip)) : null,
    seen.ip,
    seen.userAgent,
    seen.loginInput,
    JSON.stringify({ rehashed: needsRehash, remember }),
    tokenHash,
    person.credentialVersion,
    remember,
  ]);
  return { ok: true, token, sessionId, person, remember };
}

// $1 session id, $2 person, $3 tiers (extranet), $4 address bucket key, $5 ip, $6 user agent, $7 what was typed,
// $8 details, $9 the token's hash, $10 credential version, $11 "Rester connecté".
function openSessionSql(audience: Audience): string {
  const staff = audience === 'STAFF';
  const table = staff ? '"StaffUser"' : '"ExtranetAccount"';
  const personColumn = staff ? '"staffId"' : '"accountId"';
  const { idle, absolute } = lifetimeSql(audience, '$11::boolean');
  const event = staff
    ? { type: `'staff.login'`, actorType: `'STAFF'`, actor: '"actorStaffId"' }
    : { type: `'extranet.login'`, actorType: `'EXTRANET'`, actor: '"actorAccountId"' };
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
  INSERT INTO "AuditEvent" ("type", "actorType", ${event.actor}, "tiersId", "targetType", "targetId", "ip", "details", "createdAt")
  VALUES (${event.type}, ${event.actorType}, $2, $3::text, 'Session', $1, $5, $8::jsonb, ${DB_NOW})`;
}

const OPEN_SESSION_SQL: Record<Audience, string> = {
  EXTRANET: openSessionSql('EXTRANET'),
  STAFF: openSessionSql('STAFF'),
};

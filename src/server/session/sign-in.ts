import 'server-only';
import { randomUUID } from 'node:crypto';
import type { LoginOutcome } from '@/generated/prisma/enums';
import { hashPassword, verifyPassword } from './password';
import { db } from '@/server/db';
import { isDatabaseUnavailable } from '@/server/errors';
import { afterAnswer } from './after-answer';
import {
  LOGIN_FAILED,
  SERVICE_UNAVAILABLE,
  STAFF_LOGIN_FAILED,
  TEMPORARY_PASSWORD_EXPIRED,
  tryAgainAt,
} from './messages';
import { openSession } from './session.sql';
import { bucketKey, ipKey, releaseBucket, reserveLogin } from './throttle';
import type { Audience, LoginPerson } from './sign-in-types';
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
  await openSession(audience, {
    sessionId,
    personId: person.id,
    tiersId: person.tiersId,
    addressKey: seen.ip ? bucketKey(ipKey(seen.ip)) : null,
    ip: seen.ip,
    userAgent: seen.userAgent,
    loginInput: seen.loginInput,
    details: { rehashed: needsRehash, remember },
    tokenHash,
    credentialVersion: person.credentialVersion,
    remember,
  });
  return { ok: true, token, sessionId, person, remember };
}

import 'server-only';
import { randomUUID } from 'node:crypto';
import type { LoginOutcome } from '@/generated/prisma/enums';
import { recordEvent } from '@/server/audit/record-event';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import { db, query } from '@/server/db';
import { normalizeLogin } from './login-name';
import { LOGIN_FAILED, TEMPORARY_PASSWORD_EXPIRED, tryAgainAt } from './messages';
import { DB_NOW, ipKey, releaseBucket, reserveLogin, type LoginAccount } from './throttle';

export type LoginRequest = { login: string; password: string; ip: string | null; userAgent: string | null };

export type LoginResult =
  | { ok: true; accountId: string; credentialVersion: number; sessionId: string; mustChangePassword: boolean }
  | { ok: false; error: string; outcome: LoginOutcome };

/**
 * Checks an identifiant and password. Every failure answers with the same message after the same work (one statement
 * that counts the attempt and reads the account, one argon2 verification: against a dummy hash when no account matches),
 * so neither the answer nor its timing tells whether the identifiant exists. Each attempt is recorded with its
 * internal reason for the Diagnostic de connexion.
 */
export async function authenticateExtranet(request: LoginRequest): Promise<LoginResult> {
  const login = normalizeLogin(request.login).slice(0, 200);
  const now = new Date();
  const seen = { loginInput: login, ip: request.ip, userAgent: request.userAgent?.slice(0, 500) ?? null };
  const attempt = (outcome: LoginOutcome, accountId: string | null) =>
    db.loginAttempt.create({ data: { ...seen, outcome, accountId } });

  const { account, byIp, byLogin } = await reserveLogin(login, request.ip);
  if (!byIp.allowed) {
    await attempt('THROTTLED', null);
    return { ok: false, outcome: 'THROTTLED', error: tryAgainAt(byIp.lockedUntil, now) };
  }
  if (!byLogin.allowed) {
    await attempt('LOCKED', account?.id ?? null);
    return { ok: false, outcome: 'LOCKED', error: tryAgainAt(byLogin.lockedUntil, now) };
  }

  const { valid, needsRehash } = await verifyPassword(
    account?.status === 'ENROLLED' ? account.hash : null,
    request.password,
  );
  const failure = (outcome: LoginOutcome, error = LOGIN_FAILED) => ({ ok: false as const, outcome, error });

  if (!account || account.status !== 'ENROLLED' || !valid) {
    const outcome: LoginOutcome = !account
      ? 'UNKNOWN_LOGIN'
      : account.status !== 'ENROLLED'
        ? 'UNENROLLED'
        : 'WRONG_PASSWORD';
    const lockStarted = account && byLogin.lockedUntil;
    if (lockStarted) {
      // The journal records each temporary lock (a growing delay, then the long lock) when it starts.
      await db.$transaction(async (tx) => {
        await tx.loginAttempt.create({ data: { ...seen, outcome, accountId: account.id } });
        await recordEvent(
          tx,
          { type: 'SYSTEM' },
          {
            type: 'access.locked',
            tiersId: account.tiersId,
            targetType: 'ExtranetAccount',
            targetId: account.id,
            details: { until: lockStarted.toISOString(), failures: byLogin.failures, ip: request.ip },
          },
        );
      });
    } else {
      await attempt(outcome, account?.id ?? null);
    }
    // The failure that started a delay or the lock says so at once; the others keep the plain message.
    return byLogin.lockedUntil
      ? failure(outcome, `${LOGIN_FAILED} ${tryAgainAt(byLogin.lockedUntil, now)}`)
      : failure(outcome);
  }

  // Only someone who knows the password learns that it has expired: telling them whom to call is the point.
  if (account.isTemporary && account.expiresAt && account.expiresAt <= now) {
    await db.$transaction(async (tx) => {
      await tx.extranetAccount.update({ where: { id: account.id }, data: { failedLoginCount: 0, lockedUntil: null } });
      if (seen.ip) await releaseBucket(tx, ipKey(seen.ip));
      await tx.loginAttempt.create({ data: { ...seen, outcome: 'TEMPORARY_PASSWORD_EXPIRED', accountId: account.id } });
    });
    return failure('TEMPORARY_PASSWORD_EXPIRED', TEMPORARY_PASSWORD_EXPIRED);
  }
  if (needsRehash)
    await db.extranetPassword.update({
      where: { accountId: account.id },
      data: { hash: await hashPassword(request.password) },
    });
  const sessionId = await openSession(account, seen, needsRehash);
  return {
    ok: true,
    accountId: account.id,
    credentialVersion: account.credentialVersion,
    sessionId,
    mustChangePassword: account.mustChangePassword,
  };
}

// $1 session id, $2 account, $3 tiers, $4 address bucket key, $5 ip, $6 user agent, $7 what was typed, $8 details.
const OPEN_SESSION_SQL = `
  WITH account AS (
    UPDATE "ExtranetAccount" SET "failedLoginCount" = 0, "lockedUntil" = NULL, "lastLoginAt" = ${DB_NOW}, "updatedAt" = ${DB_NOW}
    WHERE "id" = $2
  ), address AS (
    UPDATE "ThrottleBucket" SET "failures" = GREATEST("failures" - 1, 0), "updatedAt" = ${DB_NOW} WHERE "key" = $4
  ), session AS (
    INSERT INTO "ExtranetSession" ("id", "accountId", "ip", "userAgent", "createdAt", "lastSeenAt")
    VALUES ($1, $2, $5, $6, ${DB_NOW}, ${DB_NOW})
  ), attempt AS (
    INSERT INTO "LoginAttempt" ("loginInput", "accountId", "outcome", "ip", "userAgent", "createdAt")
    VALUES ($7, $2, 'SUCCESS', $5, $6, ${DB_NOW})
  )
  INSERT INTO "AuditEvent" ("type", "actorType", "actorAccountId", "tiersId", "targetType", "targetId", "ip", "details", "createdAt")
  VALUES ('extranet.login', 'EXTRANET', $2, $3, 'ExtranetSession', $1, $5, $8::jsonb, ${DB_NOW})`;

/**
 * A right password: clears the failure counts (the account's, and the address's count for this attempt), opens the
 * session and records the attempt and the journal event, in one statement, so that the sign-in is all or nothing
 * and costs one round trip to the database (docs/benchmarks-extranet.md).
 */
async function openSession(
  account: LoginAccount,
  seen: { loginInput: string; ip: string | null; userAgent: string | null },
  rehashed: boolean,
): Promise<string> {
  const sessionId = randomUUID();
  const details = JSON.stringify({ rehashed });
  await query(OPEN_SESSION_SQL, [
    sessionId,
    account.id,
    account.tiersId,
    seen.ip ? ipKey(seen.ip) : null,
    seen.ip,
    seen.userAgent,
    seen.loginInput,
    details,
  ]);
  return sessionId;
}

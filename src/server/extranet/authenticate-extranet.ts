import 'server-only';
import type { LoginOutcome } from '@/generated/prisma/enums';
import { recordEvent } from '@/server/audit/record-event';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import { db } from '@/server/db';
import { normalizeLogin } from './login-name';
import { LOGIN_FAILED, TEMPORARY_PASSWORD_EXPIRED, tryAgainAt } from './messages';
import { IP_POLICY, ipKey, LOGIN_POLICY, loginKey, releaseBucket, reserveAccount, reserveBucket, type Reservation } from './throttle';

export type LoginRequest = { login: string; password: string; ip: string | null; userAgent: string | null };

export type LoginResult =
  | { ok: true; accountId: string; credentialVersion: number; sessionId: string; mustChangePassword: boolean }
  | { ok: false; error: string; outcome: LoginOutcome };

/**
 * Checks an identifiant and password. Every failure answers with the same message after the same work (the
 * throttle statement, the account look-up, one argon2 verification: against a dummy hash when no account matches),
 * so neither the answer nor its timing tells whether the identifiant exists. Each attempt is recorded with its
 * internal reason for the Diagnostic de connexion.
 */
export async function authenticateExtranet(request: LoginRequest): Promise<LoginResult> {
  const login = normalizeLogin(request.login).slice(0, 200);
  const now = new Date();
  const attempt = (outcome: LoginOutcome, accountId: string | null) =>
    db.loginAttempt.create({ data: { loginInput: login, accountId, outcome, ip: request.ip, userAgent: request.userAgent?.slice(0, 500) ?? null } });

  if (request.ip) {
    const byIp = await reserveBucket(db, ipKey(request.ip), IP_POLICY);
    if (!byIp.allowed) {
      await attempt('THROTTLED', null);
      return { ok: false, outcome: 'THROTTLED', error: tryAgainAt(byIp.lockedUntil, now) };
    }
  }

  const account = await db.extranetAccount.findUnique({
    where: { login },
    select: {
      id: true,
      tiersId: true,
      status: true,
      credentialVersion: true,
      mustChangePassword: true,
      password: { select: { hash: true, isTemporary: true, expiresAt: true } },
    },
  });
  const byLogin: Reservation = account ? await reserveAccount(db, account.id) : await reserveBucket(db, loginKey(login), LOGIN_POLICY);
  if (!byLogin.allowed) {
    await attempt('LOCKED', account?.id ?? null);
    return { ok: false, outcome: 'LOCKED', error: tryAgainAt(byLogin.lockedUntil, now) };
  }

  const hash = account?.status === 'ENROLLED' ? account.password?.hash : null;
  const { valid, needsRehash } = await verifyPassword(hash, request.password);
  const failure = (outcome: LoginOutcome, error = LOGIN_FAILED) => ({ ok: false as const, outcome, error });

  if (!account || account.status !== 'ENROLLED' || !valid) {
    const outcome: LoginOutcome = !account ? 'UNKNOWN_LOGIN' : account.status !== 'ENROLLED' ? 'UNENROLLED' : 'WRONG_PASSWORD';
    const lockStarted = account && byLogin.lockedUntil;
    if (lockStarted) {
      // The journal records each temporary lock (a growing delay, then the long lock) when it starts.
      await db.$transaction(async (tx) => {
        await tx.loginAttempt.create({ data: { loginInput: login, accountId: account.id, outcome, ip: request.ip, userAgent: request.userAgent?.slice(0, 500) ?? null } });
        await recordEvent(tx, { type: 'SYSTEM' }, { type: 'access.locked', tiersId: account.tiersId, targetType: 'ExtranetAccount', targetId: account.id, details: { until: lockStarted.toISOString(), failures: byLogin.failures, ip: request.ip } });
      });
    } else {
      await attempt(outcome, account?.id ?? null);
    }
    // The failure that started a delay or the lock says so at once; the others keep the plain message.
    return byLogin.lockedUntil ? failure(outcome, `${LOGIN_FAILED} ${tryAgainAt(byLogin.lockedUntil, now)}`) : failure(outcome);
  }

  // Only someone who knows the password learns that it has expired: telling them whom to call is the point.
  const expired = account.password?.isTemporary && account.password.expiresAt && account.password.expiresAt <= now;
  const newHash = !expired && needsRehash ? await hashPassword(request.password) : null;
  const actor = { type: 'EXTRANET' as const, accountId: account.id, ip: request.ip };

  return db.$transaction(async (tx) => {
    // A right password is not a failure: clear the counts this attempt reserved.
    await tx.extranetAccount.update({
      where: { id: account.id },
      data: { failedLoginCount: 0, lockedUntil: null, ...(expired ? {} : { lastLoginAt: now }) },
    });
    if (request.ip) await releaseBucket(tx, ipKey(request.ip));
    if (expired) {
      await tx.loginAttempt.create({ data: { loginInput: login, accountId: account.id, outcome: 'TEMPORARY_PASSWORD_EXPIRED', ip: request.ip, userAgent: request.userAgent?.slice(0, 500) ?? null } });
      return failure('TEMPORARY_PASSWORD_EXPIRED', TEMPORARY_PASSWORD_EXPIRED);
    }
    if (newHash) await tx.extranetPassword.update({ where: { accountId: account.id }, data: { hash: newHash } });
    const session = await tx.extranetSession.create({
      data: { accountId: account.id, ip: request.ip, userAgent: request.userAgent?.slice(0, 500) ?? null },
      select: { id: true },
    });
    await tx.loginAttempt.create({ data: { loginInput: login, accountId: account.id, outcome: 'SUCCESS', ip: request.ip, userAgent: request.userAgent?.slice(0, 500) ?? null } });
    await recordEvent(tx, actor, { type: 'extranet.login', tiersId: account.tiersId, targetType: 'ExtranetSession', targetId: session.id, details: { rehashed: !!newHash } });
    return {
      ok: true as const,
      accountId: account.id,
      credentialVersion: account.credentialVersion,
      sessionId: session.id,
      mustChangePassword: account.mustChangePassword,
    };
  });
}

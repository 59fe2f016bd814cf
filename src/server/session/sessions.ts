import 'server-only';
import { cache } from 'react';
import type { SessionAudience, StaffRole, TiersKind } from '@/generated/prisma/enums';
import { db, type Tx } from '@/server/db';
import { readSessionToken } from './cookie';
import { getSessionLifetimes, lifetimeMs } from './lifetimes';
import { hashToken, newToken } from '@/server/crypto/token';

// Sessions, staff and extranet alike: a row per signed-in device, found by the SHA-256 of the cookie's token and
// checked on every request (docs/decisions/036). This folder knows the tables, never the domains that use it.

/** Why a session ended, kept on its row for the diagnostic and the tests. */
export type RevokeReason =
  'signed_out' | 'signed_out_everywhere' | 'unenrolled' | 'credentials' | 'password' | 'disabled' | 'role' | 'staff';

export type SessionPerson = { staffId: string; accountId?: never } | { accountId: string; staffId?: never };

export type CurrentSession = {
  id: string;
  audience: SessionAudience;
  remember: boolean;
  absoluteExpiresAt: Date;
  staff: { id: string; name: string; email: string; role: StaffRole } | null;
  account: {
    id: string;
    login: string;
    tiersId: string;
    mustChangePassword: boolean;
    tiers: {
      kind: TiersKind;
      civility: string | null;
      firstName: string | null;
      lastName: string;
      companyName: string | null;
    };
  } | null;
};

/** "Last seen" and the idle expiry move at most this often: no write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The open session a token names, or null. Valid only while not revoked, before both its idle and absolute expiries,
 * for the audience asked (null: either), and while its person is active (staff not disabled, account enrolled) with the credential
 * version the session was opened with: Désinscrire, new credentials and a password change end it even where no row
 * was revoked.
 */
export async function findSession(token: string, audience: SessionAudience | null): Promise<CurrentSession | null> {
  const row = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      audience: true,
      remember: true,
      credentialVersion: true,
      lastSeenAt: true,
      idleExpiresAt: true,
      absoluteExpiresAt: true,
      revokedAt: true,
      staff: {
        select: { id: true, name: true, email: true, role: true, disabledAt: true, credentialVersion: true },
      },
      account: {
        select: {
          id: true,
          login: true,
          tiersId: true,
          status: true,
          credentialVersion: true,
          mustChangePassword: true,
          tiers: { select: { kind: true, civility: true, firstName: true, lastName: true, companyName: true } },
        },
      },
    },
  });
  const now = new Date();
  if (!row || (audience && row.audience !== audience) || row.revokedAt) return null;
  if (row.idleExpiresAt <= now || row.absoluteExpiresAt <= now) return null;
  const { staff, account } = row;
  if (row.audience === 'STAFF' && (!staff || staff.disabledAt || staff.credentialVersion !== row.credentialVersion))
    return null;
  if (
    row.audience === 'EXTRANET' &&
    (!account || account.status !== 'ENROLLED' || account.credentialVersion !== row.credentialVersion)
  )
    return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const idleMs = row.idleExpiresAt.getTime() - row.lastSeenAt.getTime();
    const idleExpiresAt = new Date(Math.min(now.getTime() + idleMs, row.absoluteExpiresAt.getTime()));
    await db.session.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastSeenAt: now, idleExpiresAt } });
  }
  return {
    id: row.id,
    audience: row.audience,
    remember: row.remember,
    absoluteExpiresAt: row.absoluteExpiresAt,
    staff: staff && { id: staff.id, name: staff.name, email: staff.email, role: staff.role },
    account: account && {
      id: account.id,
      login: account.login,
      tiersId: account.tiersId,
      mustChangePassword: account.mustChangePassword,
      tiers: account.tiers,
    },
  };
}

/** The session of the current request's cookie, checked once per request. */
export const currentSession = cache(async (audience: SessionAudience): Promise<CurrentSession | null> => {
  const token = await readSessionToken();
  return token ? findSession(token, audience) : null;
});

/**
 * Opens a session outside the sign-in (after an activation or reset link has set the password), in the caller's
 * transaction. Returns the token for the cookie, and the session's lifetime for the cookie's own.
 */
export async function openSession(
  tx: Tx,
  input: SessionPerson & {
    credentialVersion: number;
    remember?: boolean;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<{ id: string; token: string; remember: boolean }> {
  const audience: SessionAudience = input.staffId ? 'STAFF' : 'EXTRANET';
  const remember = audience === 'EXTRANET' && !!input.remember;
  const { idleMs, absoluteMs } = lifetimeMs(await getSessionLifetimes(tx), audience, remember);
  const { token, tokenHash } = newToken();
  const now = Date.now();
  const session = await tx.session.create({
    data: {
      tokenHash,
      audience,
      staffId: input.staffId ?? null,
      accountId: input.accountId ?? null,
      credentialVersion: input.credentialVersion,
      remember,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      idleExpiresAt: new Date(now + idleMs),
      absoluteExpiresAt: new Date(now + absoluteMs),
    },
    select: { id: true },
  });
  return { id: session.id, token, remember };
}

/** Ends every open session of a person (all but `exceptId`, the current device, when given). Returns how many. */
export async function revokeSessions(
  tx: Tx,
  person: SessionPerson,
  reason: RevokeReason,
  exceptId?: string,
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: {
      ...(person.staffId ? { staffId: person.staffId } : { accountId: person.accountId }),
      revokedAt: null,
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}

/** The same for many extranet accounts at once (Désinscrire a selection). */
export async function revokeAccountsSessions(tx: Tx, accountIds: string[], reason: RevokeReason): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { accountId: { in: accountIds }, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}

/** Ends one session ("Se déconnecter": this device). A copy of its cookie stops working as well. */
export async function revokeSession(tx: Tx, sessionId: string, reason: RevokeReason): Promise<void> {
  await tx.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
}

/**
 * After a password change on this device: the person's credential version has moved on, this session follows it so
 * that it stays open, while every other one has ended.
 */
export async function keepSessionAfterPasswordChange(
  tx: Tx,
  sessionId: string,
  credentialVersion: number,
): Promise<void> {
  await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { credentialVersion } });
}

/** Open sessions of each person, for the lists staff read (Équipe, diagnostic). */
export const OPEN_SESSION_WHERE = () => ({
  revokedAt: null,
  idleExpiresAt: { gt: new Date() },
  absoluteExpiresAt: { gt: new Date() },
});

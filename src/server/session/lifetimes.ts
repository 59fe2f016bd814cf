import 'server-only';
import { db, type Tx } from '@/server/db';
import type { SessionLifetimes } from '@/shared/session/lifetimes';

// How long sessions live, per audience (set by ADMIN in Paramètres; docs/decisions/036). A session ends at the first
// of its idle expiry (pushed back by each request) and its absolute expiry (fixed when it opens).

export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = {
  staffIdleMinutes: 120,
  staffAbsoluteHours: 12,
  extranetIdleMinutes: 30,
  extranetRememberDays: 30,
};

/** An extranet session without "Rester connecté" ends with the browser, and at the latest after this long. */
export const EXTRANET_ABSOLUTE_HOURS = 12;
/** The longest a staff session may be set to last: the Auth.js cookie's own lifetime. */
export const STAFF_ABSOLUTE_MAX_HOURS = 24;

export async function getSessionLifetimes(tx: Tx = db): Promise<SessionLifetimes> {
  const row = await tx.agencySettings.findUnique({
    where: { id: 1 },
    select: { staffIdleMinutes: true, staffAbsoluteHours: true, extranetIdleMinutes: true, extranetRememberDays: true },
  });
  return row ?? DEFAULT_SESSION_LIFETIMES;
}

/** Idle and absolute lifetimes of a new session, in milliseconds. */
export function lifetimeMs(
  lifetimes: SessionLifetimes,
  audience: 'STAFF' | 'EXTRANET',
  remember: boolean,
): { idleMs: number; absoluteMs: number } {
  if (audience === 'STAFF')
    return { idleMs: lifetimes.staffIdleMinutes * 60_000, absoluteMs: lifetimes.staffAbsoluteHours * 3_600_000 };
  if (remember) {
    const days = lifetimes.extranetRememberDays * 86_400_000;
    return { idleMs: days, absoluteMs: days };
  }
  return { idleMs: lifetimes.extranetIdleMinutes * 60_000, absoluteMs: EXTRANET_ABSOLUTE_HOURS * 3_600_000 };
}

// The same rule in SQL, for the sign-in's single statement: `$remember` is the parameter holding "Rester connecté".
const setting = (column: keyof SessionLifetimes) =>
  `COALESCE((SELECT "${column}" FROM "AgencySettings" WHERE "id" = 1), ${DEFAULT_SESSION_LIFETIMES[column]})`;

export function lifetimeSql(audience: 'STAFF' | 'EXTRANET', remember: string): { idle: string; absolute: string } {
  if (audience === 'STAFF')
    return {
      idle: `${setting('staffIdleMinutes')} * interval '1 minute'`,
      absolute: `${setting('staffAbsoluteHours')} * interval '1 hour'`,
    };
  const rememberDays = `${setting('extranetRememberDays')} * interval '1 day'`;
  return {
    idle: `CASE WHEN ${remember} THEN ${rememberDays} ELSE ${setting('extranetIdleMinutes')} * interval '1 minute' END`,
    absolute: `CASE WHEN ${remember} THEN ${rememberDays} ELSE interval '${EXTRANET_ABSOLUTE_HOURS} hours' END`,
  };
}

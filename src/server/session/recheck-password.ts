import 'server-only';
import { verifyPassword } from './password';
import { db } from '@/server/db';
import { tryAgainAt } from './messages';
import { ipKey, releaseBucket, reserveLogin } from './throttle';
import type { Audience } from './sign-in-types';
import { storableLogin } from './typed-login';

/**
 * A signed-in person types their password again before a sensitive change ("mot de passe actuel" in Sécurité, a new
 * e-mail address). The attempt counts against the sign-in's throttle like a sign-in (same person lock, same address
 * count), so a borrowed session cannot be used to guess the password. Returns the refusal to show, or null.
 */
export async function recheckPassword(
  audience: Audience,
  person: { id: string; login: string },
  password: string,
  ip: string | null,
  wrong: string,
): Promise<string | null> {
  const { person: found, byIp, byLogin } = await reserveLogin(audience, person.login, ip);
  if (!byIp.allowed) return tryAgainAt(byIp.lockedUntil);
  if (!byLogin.allowed) return tryAgainAt(byLogin.lockedUntil);
  const same = found?.id === person.id && found.active;
  const { valid } = await verifyPassword(same ? found.hash : null, password);
  const personColumn = audience === 'STAFF' ? 'staffId' : 'accountId';
  const seen = { loginInput: storableLogin(person.login), ip, [personColumn]: person.id };
  if (!same || !valid) {
    await db.loginAttempt.create({ data: { ...seen, outcome: 'WRONG_PASSWORD' } });
    return byLogin.lockedUntil ? `${wrong} ${tryAgainAt(byLogin.lockedUntil)}` : wrong;
  }
  // A right password clears the count, as a sign-in does.
  await db.$transaction(async (tx) => {
    const clear = { failedLoginCount: 0, lockedUntil: null };
    if (audience === 'STAFF') await tx.staffUser.update({ where: { id: person.id }, data: clear });
    else await tx.extranetAccount.update({ where: { id: person.id }, data: clear });
    if (ip) await releaseBucket(tx, ipKey(ip));
  });
  return null;
}

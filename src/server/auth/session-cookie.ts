import 'server-only';
import { cookies } from 'next/headers';
import type { JWT } from 'next-auth/jwt';
import { encode } from 'next-auth/jwt';
import { getConfig } from '@/server/config';

/** How long a session token lives; staff and extranet alike (each request also checks it against the database). */
export const SESSION_MAX_AGE_S = 10 * 60 * 60;

/** Secure cookies (and their `__Secure-` name) whenever the application is served over HTTPS. */
export const useSecureCookies = () => getConfig().appUrl.startsWith('https://');

export const sessionCookieName = () => `${useSecureCookies() ? '__Secure-' : ''}authjs.session-token`;

export type SessionCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean; maxAge: number };
};

/**
 * The Auth.js session cookie for a token, encoded by Auth.js itself (JWE under AUTH_SECRET, salted with the cookie
 * name): `auth()` reads it like any token it issued. The extranet opens its sessions this way, after checking the
 * password itself (docs/decisions/030).
 */
export async function sessionCookie(token: JWT): Promise<SessionCookie> {
  const name = sessionCookieName();
  const value = await encode({ token, secret: getConfig().authSecret, salt: name, maxAge: SESSION_MAX_AGE_S });
  return { name, value, options: { httpOnly: true, sameSite: 'lax', path: '/', secure: useSecureCookies(), maxAge: SESSION_MAX_AGE_S } };
}

/** In a server action or route handler: sets the cookie on the response. */
export async function putSessionCookie({ name, value, options }: SessionCookie): Promise<void> {
  (await cookies()).set(name, value, options);
}

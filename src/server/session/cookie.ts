import 'server-only';
import { cookies } from 'next/headers';
import { getConfig } from '@/server/config';

/** Secure cookies, under a `__Secure-` name, whenever APP_URL is https: read when the server runs, not at build. */
export const secureCookies = () => getConfig().appUrl.startsWith('https://');

/** One session cookie for both audiences; Auth.js is given the same name and options (src/server/staff/staff-auth.ts). */
export const sessionCookieName = () => `${secureCookies() ? '__Secure-' : ''}trousseau.session`;

export type SessionCookieOptions = {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  /** Absent: the cookie ends with the browser ("Rester connecté" not ticked). */
  maxAge?: number;
};
export type SessionCookie = { name: string; value: string; options: SessionCookieOptions };

export function sessionCookieOptions(maxAgeS?: number): SessionCookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookies(),
    ...(maxAgeS ? { maxAge: maxAgeS } : {}),
  };
}

export function sessionCookie(token: string, maxAgeS?: number): SessionCookie {
  return { name: sessionCookieName(), value: token, options: sessionCookieOptions(maxAgeS) };
}

/** In a server action or route handler: sets the cookie on the response. */
export async function putSessionCookie({ name, value, options }: SessionCookie): Promise<void> {
  (await cookies()).set(name, value, options);
}

/** The token the browser sent, if any. */
export async function readSessionToken(): Promise<string | null> {
  return (await cookies()).get(sessionCookieName())?.value || null;
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete({ name: sessionCookieName(), path: '/', secure: secureCookies() });
}

import 'server-only';
import { createCipheriv, createHash, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { cookies } from 'next/headers';
import type { JWT } from 'next-auth/jwt';
import { getConfig } from '@/server/config';

/** How long a session token lives; staff and extranet alike (each request also checks it against the database). */
export const SESSION_MAX_AGE_S = 10 * 60 * 60;

/** Secure cookies (and their `__Secure-` name) whenever the application is served over HTTPS. */
export const secureCookies = () => getConfig().appUrl.startsWith('https://');

export const sessionCookieName = () => `${secureCookies() ? '__Secure-' : ''}authjs.session-token`;

export type SessionCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean; maxAge: number };
};

/**
 * The Auth.js session cookie for a token: `auth()` reads it like any token Auth.js issued. The extranet opens its
 * sessions this way, after checking the password itself (docs/decisions/030).
 */
export function sessionCookie(token: JWT): SessionCookie {
  const name = sessionCookieName();
  const value = encodeToken(token, getConfig().authSecret, name, SESSION_MAX_AGE_S);
  return {
    name,
    value,
    options: { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(), maxAge: SESSION_MAX_AGE_S },
  };
}

/** In a server action or route handler: sets the cookie on the response. */
export async function putSessionCookie({ name, value, options }: SessionCookie): Promise<void> {
  (await cookies()).set(name, value, options);
}

const keys = new Map<string, { key: Buffer; kid: string }>();

/** Auth.js' key for a cookie name: HKDF-SHA256 of AUTH_SECRET, and its RFC 7638 thumbprint as key id. */
function encryptionKey(secret: string, salt: string): { key: Buffer; kid: string } {
  const id = `${salt}\n${secret}`;
  let entry = keys.get(id);
  if (!entry) {
    const key = Buffer.from(hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    const kid = createHash('sha512')
      .update(`{"k":"${key.toString('base64url')}","kty":"oct"}`)
      .digest('base64url');
    keys.set(id, (entry = { key, kid }));
  }
  return entry;
}

/**
 * Auth.js' token format, the one its `encode` makes (JWE compact, "dir" + A256CBC-HS512, RFC 7516/7518), written with
 * Node's synchronous crypto and a key derived once: Auth.js' `encode` derives the key and runs half a dozen WebCrypto
 * jobs per token, about 1 ms of CPU per sign-in. Auth.js' `decode` reads these tokens (tests/extranet/sessions.test.ts).
 */
function encodeToken(token: JWT, secret: string, salt: string, maxAge: number): string {
  const { key, kid } = encryptionKey(secret, salt);
  const now = Math.floor(Date.now() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256CBC-HS512', kid })).toString('base64url');
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key.subarray(32), iv);
  const payload = JSON.stringify({ ...token, iat: now, exp: now + maxAge, jti: randomUUID() });
  const ciphertext = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]);
  const aadBits = Buffer.alloc(8);
  aadBits.writeBigUInt64BE(BigInt(header.length * 8));
  const mac = createHmac('sha512', key.subarray(0, 32))
    .update(header)
    .update(iv)
    .update(ciphertext)
    .update(aadBits)
    .digest();
  return `${header}..${iv.toString('base64url')}.${ciphertext.toString('base64url')}.${mac.subarray(0, 32).toString('base64url')}`;
}

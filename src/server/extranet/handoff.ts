import 'server-only';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { getConfig } from '@/server/config';

// After the server itself has checked a password (sign-in form, password change, reset link), it hands the new
// ExtranetSession to Auth.js through the 'extranet' provider with this short-lived signed value. It is created and
// consumed inside the same server process (signIn runs Auth.js in-process), so it never travels to the browser.

const TTL_MS = 60_000;

function key(): Buffer {
  return Buffer.from(hkdfSync('sha256', getConfig().authSecret, Buffer.alloc(0), 'trousseau-extranet-handoff', 32));
}

function mac(payload: string): string {
  return createHmac('sha256', key()).update(payload).digest('base64url');
}

export function createHandoff(sessionId: string, now = Date.now()): string {
  const payload = `${sessionId}.${now + TTL_MS}`;
  return `${payload}.${mac(payload)}`;
}

/** The session id the handoff names, or null when it is forged or stale. */
export function readHandoff(handoff: string, now = Date.now()): string | null {
  const [sessionId, expires, signature] = handoff.split('.');
  if (!sessionId || !expires || !signature) return null;
  const expected = Buffer.from(mac(`${sessionId}.${expires}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Number(expires) > now ? sessionId : null;
}

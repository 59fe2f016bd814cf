import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** A session's secret: 256 random bits, the only thing the cookie carries. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so that a copy of the table opens no session. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

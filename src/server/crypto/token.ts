import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

// The one way a secret token is made and kept: sessions, staff links and extranet links (activation, reset, e-mail
// change). The token goes to the person (cookie or link); the database keeps only its SHA-256, so that a copy of a
// table opens nothing.

/** What the database keeps of a token: its SHA-256, base64url. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A new token (256 random bits, base64url: safe in a cookie and a URL) and its hash. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

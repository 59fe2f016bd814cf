import 'server-only';
import argon2 from 'argon2';

/** OWASP's minimum for argon2id (m=19 MiB, t=2, p=1). Raising these rehashes each password at its next login. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, ARGON2_OPTIONS);
}

// Verified when no account matches, so that a known and an unknown login take the same time.
let dummyHash: Promise<string> | undefined;

/** `hash` null means "no such account": the work is done anyway and the answer is false. */
export async function verifyPassword(
  hash: string | null | undefined,
  plain: string,
): Promise<{ valid: boolean; needsRehash: boolean }> {
  if (!hash) {
    dummyHash ??= hashPassword('trousseau-dummy-password');
    await argon2.verify(await dummyHash, plain).catch(() => false);
    return { valid: false, needsRehash: false };
  }
  const valid = await argon2.verify(hash, plain).catch(() => false);
  return { valid, needsRehash: valid && argon2.needsRehash(hash, ARGON2_OPTIONS) };
}

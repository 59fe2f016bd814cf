// One token hash for every secret (src/server/crypto/token.ts). The extranet's links used to keep their SHA-256 in
// hex; migration 20261207021000 re-encodes them, so that a link mailed before still opens.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findUsableVerification } from '@/server/access/verification-token';
import { hashToken, newToken } from '@/server/crypto/token';
import { db } from '@/server/db';
import { createExtranetAccount } from '../factories/extranet';

const MIGRATION = 'prisma/migrations/20261207021000_verification_token_hash_base64url/migration.sql';

describe('token hashes', () => {
  it('a new token is 256 random bits and its hash the SHA-256 in base64url', () => {
    const { token, tokenHash } = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toBe(createHash('sha256').update(token).digest('base64url'));
    expect(hashToken(token)).toBe(tokenHash);
    expect(newToken().token).not.toBe(token);
  });

  it('a link whose hash was stored in hex before the migration still opens after it, and only once re-encoded', async () => {
    const { account } = await createExtranetAccount();
    const token = 'lien-envoye-avant-la-migration';
    await db.verification.create({
      data: {
        type: 'PASSWORD_RESET',
        accountId: account.id,
        tokenHash: createHash('sha256').update(token).digest('hex'),
        expiresAt: new Date(Date.now() + 30 * 60_000),
      },
    });
    expect(await findUsableVerification(token)).toBeNull();
    await db.$executeRawUnsafe(readFileSync(MIGRATION, 'utf8'));
    expect(await findUsableVerification(token)).toMatchObject({ accountId: account.id, type: 'PASSWORD_RESET' });
    // Run again (a base64url hash is left alone).
    await db.$executeRawUnsafe(readFileSync(MIGRATION, 'utf8'));
    expect(await findUsableVerification(token)).toMatchObject({ accountId: account.id });
  });
});

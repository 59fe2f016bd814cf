-- One token hash for every secret (src/server/crypto/token.ts, issue 16): the extranet's links kept their SHA-256 in
-- hex, sessions and staff links in base64url. The same 32 bytes are re-encoded as base64url (no padding), so that a
-- link mailed before this migration still opens.
UPDATE "Verification"
SET "tokenHash" = rtrim(translate(encode(decode("tokenHash", 'hex'), 'base64'), '+/', '-_'), '=')
WHERE "tokenHash" ~ '^[0-9a-f]{64}$';

import 'server-only';
import type { Tx } from '@/server/db';
import { DB_NOW_SQL } from '@/server/db/now';
import type { LetterContent } from './letter-content';

// The raw SQL of the credential letters (docs/architecture.md: one `*.sql.ts` per domain; decision 025).

/** What "Imprimer" checks of each mail asked for, and whether its credentials are still the account's current ones. */
export type LetterRow = {
  id: string;
  tiersId: string | null;
  toName: string | null;
  status: string;
  channel: string;
  sentAt: Date | null;
  current: boolean;
  enrolled: boolean;
  hasSecret: boolean;
};

export async function selectLetterRows(db: Tx, ids: string[]): Promise<LetterRow[]> {
  return db.$queryRaw<LetterRow[]>`
    SELECT m.id, m."tiersId", m."toName", m.status::text AS status, m.channel::text AS channel, m."sentAt",
           (a.id IS NOT NULL AND a.status = 'ENROLLED' AND a."credentialVersion" = m."credentialVersion") AS current,
           (a.id IS NOT NULL AND a.status = 'ENROLLED') AS enrolled,
           (m."secretCiphertext" IS NOT NULL) AS "hasSecret"
    FROM "OutboxMail" m LEFT JOIN "ExtranetAccount" a ON a.id = m."accountId"
    WHERE m.id = ANY(${ids}::text[])`;
}

/**
 * Takes the secrets of the letters still printable and wipes them in one statement, marking them "Imprimé" by
 * `staffId`: the subquery's FOR UPDATE holds the rows, its values are the ones before the update. Returns the
 * letters taken (fewer than asked when another change won the race).
 */
export async function takeLetterSecrets(
  tx: Tx,
  ids: string[],
  staffId: string,
): Promise<{ id: string; tiersId: string | null; secret: Uint8Array; letter: LetterContent }[]> {
  return tx.$queryRaw<{ id: string; tiersId: string | null; secret: Uint8Array; letter: LetterContent }[]>`
    UPDATE "OutboxMail" AS m
    SET status = 'PRINTED', "secretCiphertext" = NULL, "sentAt" = ${DB_NOW_SQL}, "sentById" = ${staffId},
        "updatedAt" = ${DB_NOW_SQL}
    FROM (
      SELECT o.id, o."secretCiphertext" AS secret FROM "OutboxMail" o
      JOIN "ExtranetAccount" a ON a.id = o."accountId"
      WHERE o.id = ANY(${ids}::text[]) AND o.channel = 'LETTER' AND o.status = 'TO_PRINT'
        AND o."secretCiphertext" IS NOT NULL AND o.letter IS NOT NULL
        AND a.status = 'ENROLLED' AND a."credentialVersion" = o."credentialVersion"
      FOR UPDATE OF o
    ) AS old
    WHERE m.id = old.id
    RETURNING m.id, m."tiersId", old.secret, m.letter`;
}

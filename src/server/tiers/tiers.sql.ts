import 'server-only';
import type { Tx } from '@/server/db';

// The tiers domain's raw SQL (the person search they share with other lists is src/server/db/person-search.sql.ts).

export type TiersWithEmail = {
  id: string;
  email: string | null;
  emailInvalidAddress: string | null;
  emailInvalidAt: Date | null;
  externalRef: string | null;
  civility: string | null;
  firstName: string | null;
  lastName: string;
  companyName: string | null;
};

/**
 * Active tiers whose e-mail, or whose address a hard bounce marked "invalide", is one of `emails` (lower-case): one
 * array parameter, served by the two e-mail indexes. Prisma's `in` sent each address twice as its own parameter, and
 * for an import batch of 2,000 lines that statement cost more time and memory than the lines' validation.
 */
export function tiersByEmails(tx: Tx, emails: string[]): Promise<TiersWithEmail[]> {
  return tx.$queryRaw<TiersWithEmail[]>`
    SELECT id, email, "emailInvalidAddress", "emailInvalidAt", "externalRef", civility, "firstName", "lastName", "companyName"
    FROM "Tiers"
    WHERE "archivedAt" IS NULL AND (email = ANY(${emails}::text[]) OR "emailInvalidAddress" = ANY(${emails}::text[]))`;
}

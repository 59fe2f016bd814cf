import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/server/db';
import { PLAN_EACH_TIME } from '@/server/db/engine';

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
 * for an import batch of 2,000 lines that statement cost more time and memory than the lines' validation. Planned
 * for its values each time (PLAN_EACH_TIME): prepared, PostgreSQL kept the generic plan it chose while the import's
 * table was still small, a sequential scan, and a second import of 100,000 lines took 69 s instead of 5 (decision 047).
 */
export function tiersByEmails(tx: Tx, emails: string[]): Promise<TiersWithEmail[]> {
  return tx.$queryRaw<TiersWithEmail[]>`
    SELECT ${Prisma.raw(PLAN_EACH_TIME)} id, email, "emailInvalidAddress", "emailInvalidAt", "externalRef", civility, "firstName", "lastName", "companyName"
    FROM "Tiers"
    WHERE "archivedAt" IS NULL AND (email = ANY(${emails}::text[]) OR "emailInvalidAddress" = ANY(${emails}::text[]))`;
}

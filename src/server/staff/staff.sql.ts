import 'server-only';
import type { Tx } from '@/server/db';

// The raw SQL of the team (docs/architecture.md: one `*.sql.ts` per domain).

/** The active ADMIN rows, locked until the caller's transaction ends. */
export async function lockActiveAdmins(tx: Tx): Promise<{ id: string }[]> {
  return tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "StaffUser" WHERE "role" = 'ADMIN' AND "disabledAt" IS NULL FOR UPDATE`;
}

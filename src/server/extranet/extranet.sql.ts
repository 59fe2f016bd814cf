import 'server-only';
import type { Tx } from '@/server/db';

// The raw SQL of the extranet (docs/architecture.md: one `*.sql.ts` per domain).

/** Whether any "Mot de passe oublié" request waits: one plain statement, no transaction. */
export async function resetRequestsWaiting(db: Tx): Promise<boolean> {
  const [{ waiting }] = await db.$queryRaw<
    { waiting: boolean }[]
  >`SELECT EXISTS (SELECT 1 FROM "ResetRequest") AS waiting`;
  return waiting;
}

/**
 * Takes the oldest waiting request: deleted in the caller's transaction, claimed with SKIP LOCKED so that any
 * number of workers may run. Undefined when none is left (or all are being worked).
 */
export async function takeOldestResetRequest(
  tx: Tx,
): Promise<{ entrySealed: Uint8Array; ip: string | null; createdAt: Date } | undefined> {
  const [request] = await tx.$queryRaw<{ entrySealed: Uint8Array; ip: string | null; createdAt: Date }[]>`
    DELETE FROM "ResetRequest"
    WHERE "id" = (SELECT "id" FROM "ResetRequest" ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING "entrySealed", "ip", "createdAt"`;
  return request;
}

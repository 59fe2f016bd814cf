import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/server/db';

export type Actor =
  | { type: 'STAFF'; staffId: string; ip: string | null }
  | { type: 'EXTRANET'; accountId: string; ip: string | null }
  | { type: 'SYSTEM'; ip?: null };

export type AuditInput = {
  type: string;
  tiersId?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
};

/** Appends to the journal. Call it with the transaction of the change it records. */
export async function recordEvent(tx: Tx, actor: Actor, event: AuditInput): Promise<void> {
  await recordEvents(tx, actor, [event]);
}

/** Appends many events at once (an import's per-person events), in the caller's transaction. */
export async function recordEvents(tx: Tx, actor: Actor, events: AuditInput[]): Promise<void> {
  if (!events.length) return;
  await tx.auditEvent.createMany({
    data: events.map((event) => ({
      ...event,
      actorType: actor.type,
      actorStaffId: actor.type === 'STAFF' ? actor.staffId : null,
      actorAccountId: actor.type === 'EXTRANET' ? actor.accountId : null,
      ip: actor.ip ?? null,
    })),
  });
}

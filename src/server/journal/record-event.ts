import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/server/db';
import { targetTypeOf, type EventType } from './events';

export type Actor =
  | { type: 'STAFF'; staffId: string; ip: string | null }
  | { type: 'EXTRANET'; accountId: string; ip: string | null }
  | { type: 'SYSTEM'; ip?: null };

/** One event: its type from the catalogue (journal/events.ts), which also says what kind of row targetId is. */
export type JournalEvent = {
  type: EventType;
  tiersId?: string | null;
  targetId?: string | null;
  details?: Prisma.InputJsonValue;
};

/** The AuditEvent row of an event, as every write path stores it (recordEvents, the import's bulk insert). */
export function journalRow(actor: Actor, event: JournalEvent) {
  return {
    type: event.type,
    actorType: actor.type,
    actorStaffId: actor.type === 'STAFF' ? actor.staffId : null,
    actorAccountId: actor.type === 'EXTRANET' ? actor.accountId : null,
    tiersId: event.tiersId ?? null,
    targetType: targetTypeOf(event.type),
    targetId: event.targetId ?? null,
    ip: actor.ip ?? null,
    details: event.details,
  };
}

/** Appends to the journal. Call it with the transaction of the change it records. */
export async function recordEvent(tx: Tx, actor: Actor, event: JournalEvent): Promise<void> {
  await recordEvents(tx, actor, [event]);
}

/** Appends many events at once (an import's per-person events), in the caller's transaction. */
export async function recordEvents(tx: Tx, actor: Actor, events: JournalEvent[]): Promise<void> {
  if (!events.length) return;
  await tx.auditEvent.createMany({ data: events.map((event) => journalRow(actor, event)) });
}

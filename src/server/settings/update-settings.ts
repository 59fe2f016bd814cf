import 'server-only';
import { recordEvent, type Actor } from '@/server/journal/record-event';
import { db, type Tx } from '@/server/db';

/** Writes some of Paramètres' fields and journals their before/after, in one transaction. */
type Fields = Record<string, string | number | boolean | null>;
export async function saveSettings(audit: Actor, read: (tx: Tx) => Promise<Fields>, input: Fields) {
  await db.$transaction(async (tx) => {
    const before = await read(tx);
    await tx.agencySettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    await recordEvent(tx, audit, {
      type: 'settings.updated',
      targetId: '1',
      details: { before, after: input },
    });
  });
}

import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { displayName } from '@/shared/tiers/names';

/** Archiving hides a tiers from lists and imports' duplicate checks; its history and documents stay. */
export async function archiveTiers(actor: StaffAudit, id: string, archived: boolean): Promise<string> {
  return db.$transaction(async (tx) => {
    const result = await tx.tiers.updateMany({
      where: { id, archivedAt: archived ? null : { not: null } },
      data: { archivedAt: archived ? new Date() : null },
    });
    const tiers = await tx.tiers.findUnique({
      where: { id },
      select: { civility: true, lastName: true, firstName: true, companyName: true },
    });
    if (!tiers) throw new NotFoundError('tiers');
    if (result.count)
      await recordEvent(tx, actor, {
        type: archived ? 'tiers.archived' : 'tiers.unarchived',
        tiersId: id,
        targetId: id,
      });
    return archived ? `${displayName(tiers)} est archivé.` : `${displayName(tiers)} est de nouveau actif.`;
  });
}

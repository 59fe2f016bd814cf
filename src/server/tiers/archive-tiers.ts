import 'server-only';
import { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { displayName } from './names';

/** Archiving hides a tiers from lists and imports' duplicate checks; its history and documents stay. */
export const archiveTiersAction = defineStaffAction({
  permission: 'tiers:write',
  input: z.object({ id: z.string().min(1), archived: z.preprocess((v) => v === true || v === 'true', z.boolean()) }),
  async run({ input: { id, archived }, audit }) {
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
        await recordEvent(tx, audit, {
          type: archived ? 'tiers.archived' : 'tiers.unarchived',
          tiersId: id,
          targetId: id,
        });
      return {
        message: archived ? `${displayName(tiers)} est archivé.` : `${displayName(tiers)} est de nouveau actif.`,
      };
    });
  },
});

import 'server-only';
import type { z } from 'zod';
import { db } from '@/server/db';
import { displayName, tiersNameSelect } from '@/shared/tiers/names';
import type { ZMessageStatusFilter } from './schemas';

/** Assistance: the people's messages to the agency, newest first (100 at most). */
export async function listContactMessages(status: z.output<typeof ZMessageStatusFilter>) {
  const messages = await db.contactMessage.findMany({
    where: status === 'ALL' ? {} : { status },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: {
      id: true,
      subject: true,
      body: true,
      status: true,
      createdAt: true,
      handledAt: true,
      assignedTo: { select: { id: true, name: true } },
      tiers: {
        select: {
          id: true,
          kind: true,
          ...tiersNameSelect,
          email: true,
          phone: true,
        },
      },
    },
  });
  return messages.map(({ tiers, ...m }) => ({
    ...m,
    person: { id: tiers.id, kind: tiers.kind, name: displayName(tiers), email: tiers.email, phone: tiers.phone },
  }));
}

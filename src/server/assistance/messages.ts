import 'server-only';
import { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { displayName } from '@/server/tiers/names';

export const ZMessageStatusFilter = z.enum(['NEW', 'HANDLED', 'ALL']).catch('NEW');

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
          civility: true,
          firstName: true,
          lastName: true,
          companyName: true,
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

export async function listAssignableStaff() {
  return db.staffUser.findMany({
    where: { disabledAt: null, role: { in: ['ADMIN', 'GESTIONNAIRE'] } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}

export const assignMessage = defineStaffAction({
  permission: 'assistance:write',
  input: z.object({
    messageId: z.string().min(1),
    staffId: z.string().min(1, 'Choisissez la personne à qui confier ce message.'),
  }),
  async run({ input, audit }) {
    await db.$transaction(async (tx) => {
      const staff = await tx.staffUser.findFirst({
        where: { id: input.staffId, disabledAt: null },
        select: { id: true, name: true },
      });
      if (!staff) throw new NotFoundError('staff');
      const { count } = await tx.contactMessage.updateMany({
        where: { id: input.messageId },
        data: { assignedToId: staff.id },
      });
      if (count === 0) throw new NotFoundError('message');
      const message = await tx.contactMessage.findUniqueOrThrow({
        where: { id: input.messageId },
        select: { tiersId: true },
      });
      await recordEvent(tx, audit, {
        type: 'assistance.assigned',
        tiersId: message.tiersId,
        targetId: input.messageId,
        details: { to: staff.name },
      });
    });
    return { message: 'Message assigné.' };
  },
});

export const markMessageHandled = defineStaffAction({
  permission: 'assistance:write',
  input: z.object({ messageId: z.string().min(1) }),
  async run({ input, audit }) {
    await db.$transaction(async (tx) => {
      const message = await tx.contactMessage.findUnique({ where: { id: input.messageId }, select: { tiersId: true } });
      if (!message) throw new NotFoundError('message');
      await tx.contactMessage.update({
        where: { id: input.messageId },
        data: { status: 'HANDLED', handledAt: new Date() },
      });
      await recordEvent(tx, audit, {
        type: 'assistance.handled',
        tiersId: message.tiersId,
        targetId: input.messageId,
      });
    });
    return { message: 'Message marqué comme traité.' };
  },
});

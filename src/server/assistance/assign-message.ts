import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';

/** Assistance → "Assigner": the message is given to an active staff member; journaled. */
export async function assignMessage(actor: StaffAudit, messageId: string, staffId: string): Promise<string> {
  await db.$transaction(async (tx) => {
    const staff = await tx.staffUser.findFirst({
      where: { id: staffId, disabledAt: null },
      select: { id: true, name: true },
    });
    if (!staff) throw new NotFoundError('staff');
    const { count } = await tx.contactMessage.updateMany({
      where: { id: messageId },
      data: { assignedToId: staff.id },
    });
    if (count === 0) throw new NotFoundError('message');
    const message = await tx.contactMessage.findUniqueOrThrow({
      where: { id: messageId },
      select: { tiersId: true },
    });
    await recordEvent(tx, actor, {
      type: 'assistance.assigned',
      tiersId: message.tiersId,
      targetId: messageId,
      details: { to: staff.name },
    });
  });
  return 'Message assigné.';
}

import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';

/** Assistance → "Marquer comme traité"; journaled. */
export async function markMessageHandled(actor: StaffAudit, messageId: string): Promise<string> {
  await db.$transaction(async (tx) => {
    const message = await tx.contactMessage.findUnique({ where: { id: messageId }, select: { tiersId: true } });
    if (!message) throw new NotFoundError('message');
    await tx.contactMessage.update({
      where: { id: messageId },
      data: { status: 'HANDLED', handledAt: new Date() },
    });
    await recordEvent(tx, actor, {
      type: 'assistance.handled',
      tiersId: message.tiersId,
      targetId: messageId,
    });
  });
  return 'Message marqué comme traité.';
}

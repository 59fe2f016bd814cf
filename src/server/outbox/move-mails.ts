import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { recordEvents } from '@/server/journal/record-event';

/**
 * "Envoyer", "Réessayer", "Annuler": the mails `where` still selects move to `data` in one statement, and each one
 * moved is journaled (`type`, with its address for a send) in the same transaction. Returns how many moved: a mail
 * another click already moved is not selected any more.
 */
export async function moveMails(
  actor: StaffAudit,
  where: Prisma.OutboxMailWhereInput,
  data: Prisma.OutboxMailUncheckedUpdateManyInput,
  type: 'mail.sent' | 'mail.retried' | 'mail.cancelled',
): Promise<number> {
  return db.$transaction(async (tx) => {
    const mails = await tx.outboxMail.updateManyAndReturn({
      where,
      data,
      select: { id: true, tiersId: true, toAddress: true },
    });
    await recordEvents(
      tx,
      actor,
      mails.map((m) => ({
        type,
        tiersId: m.tiersId,
        targetId: m.id,
        ...(type === 'mail.sent' ? { details: { to: m.toAddress } } : {}),
      })),
    );
    return mails.length;
  });
}

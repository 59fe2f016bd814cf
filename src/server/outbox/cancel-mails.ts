import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { countLabel } from '@/shared/plural';

/**
 * "Annuler": a mail not sent yet (À vérifier, Échec, a letter À imprimer, or waiting in En cours d'envoi without a dispatcher
 * holding it) becomes Annulé and its secret is wiped.
 */
export async function cancelMails(actor: StaffAudit, ids: string[]): Promise<string> {
  const moved = await db.$transaction(async (tx) => {
    const cancellable: Prisma.OutboxMailWhereInput = {
      id: { in: ids },
      OR: [
        { status: { in: ['PENDING_REVIEW', 'FAILED', 'TO_PRINT'] } },
        { status: 'SENDING', OR: [{ leaseUntil: null }, { leaseUntil: { lt: new Date() } }] },
      ],
    };
    const mails = await tx.outboxMail.updateManyAndReturn({
      where: cancellable,
      data: { status: 'CANCELLED', secretCiphertext: null, nextAttemptAt: null },
      select: { id: true, tiersId: true },
    });
    for (const m of mails)
      await recordEvent(tx, actor, {
        type: 'mail.cancelled',
        tiersId: m.tiersId,
        targetId: m.id,
      });
    return mails.length;
  });
  if (!moved)
    throw new UserError(
      'Ces mails ne peuvent plus être annulés : ils sont déjà partis ou en train de partir. Rechargez la page.',
    );
  return `${countLabel(moved, 'mail annulé', 'mails annulés')}.`;
}

import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { nudgeDispatcher } from './in-app-dispatcher';
import { countLabel } from '@/shared/plural';

/** "Réessayer": Échec → En cours d'envoi with a fresh set of attempts. */
export async function retryMails(actor: StaffAudit, ids: string[]): Promise<string> {
  const moved = await db.$transaction(async (tx) => {
    const mails = await tx.outboxMail.updateManyAndReturn({
      where: { id: { in: ids }, status: 'FAILED' },
      data: { status: 'SENDING', attempts: 0, nextAttemptAt: new Date(), sentById: actor.staffId },
      select: { id: true, tiersId: true },
    });
    for (const m of mails)
      await recordEvent(tx, actor, {
        type: 'mail.retried',
        tiersId: m.tiersId,
        targetId: m.id,
      });
    return mails.length;
  });
  if (!moved) throw new UserError("Aucun de ces mails n'est en échec. Rechargez la page.");
  nudgeDispatcher();
  return `${countLabel(moved, 'mail remis', 'mails remis')} en envoi.`;
}

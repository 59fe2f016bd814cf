import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { nudgeDispatcher } from './in-app-dispatcher';
import { countLabel } from '@/shared/plural';

/**
 * "Envoyer": À vérifier → En cours d'envoi, due now. The dispatcher delivers; nudging it is only about speed.
 * Each mail moved writes its `mail.sent` event (the staff decision to send) in the same transaction.
 */
export async function sendMails(actor: StaffAudit, ids: string[]): Promise<string> {
  const moved = await db.$transaction(async (tx) => {
    const mails = await tx.outboxMail.updateManyAndReturn({
      where: { id: { in: ids }, status: 'PENDING_REVIEW' },
      data: { status: 'SENDING', nextAttemptAt: new Date(), sentById: actor.staffId },
      select: { id: true, tiersId: true, toAddress: true },
    });
    for (const m of mails)
      await recordEvent(tx, actor, {
        type: 'mail.sent',
        tiersId: m.tiersId,
        targetId: m.id,
        details: { to: m.toAddress },
      });
    return mails.length;
  });
  if (!moved)
    throw new UserError(
      "Aucun de ces mails n'est à vérifier : ils ont déjà été envoyés, annulés ou remplacés. Rechargez la page.",
    );
  nudgeDispatcher();
  const skipped = ids.length - moved;
  return `${countLabel(moved, 'mail envoyé', 'mails envoyés')} au serveur de messagerie${skipped ? ` (${countLabel(skipped, 'ignoré', 'ignorés')} : déjà traité)` : ''}.`;
}

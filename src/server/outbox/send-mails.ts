import 'server-only';
import { moveMails } from './move-mails';
import type { StaffAudit } from '@/server/auth/staff-action';
import { UserError } from '@/server/errors';
import { nudgeDispatcher } from './in-app-dispatcher';
import { countLabel } from '@/shared/plural';

/**
 * "Envoyer": À vérifier → En cours d'envoi, due now. The dispatcher delivers; nudging it is only about speed.
 * Each mail moved writes its `mail.sent` event (the staff decision to send) in the same transaction.
 */
export async function sendMails(actor: StaffAudit, ids: string[]): Promise<string> {
  const moved = await moveMails(
    actor,
    { id: { in: ids }, status: 'PENDING_REVIEW' },
    { status: 'SENDING', nextAttemptAt: new Date(), sentById: actor.staffId },
    'mail.sent',
  );
  if (!moved)
    throw new UserError(
      "Aucun de ces mails n'est à vérifier : ils ont déjà été envoyés, annulés ou remplacés. Rechargez la page.",
    );
  nudgeDispatcher();
  const skipped = ids.length - moved;
  return `${countLabel(moved, 'mail envoyé', 'mails envoyés')} au serveur de messagerie${skipped ? ` (${countLabel(skipped, 'ignoré', 'ignorés')} : déjà traité)` : ''}.`;
}

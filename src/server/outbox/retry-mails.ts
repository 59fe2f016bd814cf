import 'server-only';
import { moveMails } from './move-mails';
import type { StaffAudit } from '@/server/auth/staff-action';
import { UserError } from '@/server/errors';
import { nudgeDispatcher } from './in-app-dispatcher';
import { countLabel } from '@/shared/plural';

/** "Réessayer": Échec → En cours d'envoi with a fresh set of attempts. */
export async function retryMails(actor: StaffAudit, ids: string[]): Promise<string> {
  const moved = await moveMails(
    actor,
    { id: { in: ids }, status: 'FAILED' },
    { status: 'SENDING', attempts: 0, nextAttemptAt: new Date(), sentById: actor.staffId },
    'mail.retried',
  );
  if (!moved) throw new UserError("Aucun de ces mails n'est en échec. Rechargez la page.");
  nudgeDispatcher();
  return `${countLabel(moved, 'mail remis', 'mails remis')} en envoi.`;
}

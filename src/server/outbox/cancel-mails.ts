import 'server-only';
import { moveMails } from './move-mails';
import type { StaffAudit } from '@/server/auth/staff-action';
import { UserError } from '@/server/errors';
import { countLabel } from '@/shared/plural';

/**
 * "Annuler": a mail not sent yet (À vérifier, Échec, a letter À imprimer, or waiting in En cours d'envoi without a dispatcher
 * holding it) becomes Annulé and its secret is wiped.
 */
export async function cancelMails(actor: StaffAudit, ids: string[]): Promise<string> {
  const moved = await moveMails(
    actor,
    {
      id: { in: ids },
      OR: [
        { status: { in: ['PENDING_REVIEW', 'FAILED', 'TO_PRINT'] } },
        { status: 'SENDING', OR: [{ leaseUntil: null }, { leaseUntil: { lt: new Date() } }] },
      ],
    },
    { status: 'CANCELLED', secretCiphertext: null, nextAttemptAt: null },
    'mail.cancelled',
  );
  if (!moved)
    throw new UserError(
      'Ces mails ne peuvent plus être annulés : ils sont déjà partis ou en train de partir. Rechargez la page.',
    );
  return `${countLabel(moved, 'mail annulé', 'mails annulés')}.`;
}

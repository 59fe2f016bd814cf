import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { findMember } from './manage-staff';
import { RESET_MINUTES, sendStaffLink } from './staff-link';

/** Équipe → "Envoyer un lien de réinitialisation": a single-use link to choose a new password. */
export async function sendStaffReset(actor: StaffAudit, staffId: string): Promise<string> {
  const staff = await db.$transaction(async (tx) => {
    const staff = await findMember(tx, staffId);
    if (staff.disabledAt) throw new UserError(`${staff.name} est désactivé : réactivez-le d'abord.`);
    await sendStaffLink(tx, staff, 'PASSWORD_RESET', actor.staffId);
    await recordEvent(tx, actor, { type: 'staff.reset_link_sent', targetId: staff.id });
    return staff;
  });
  return `Lien de réinitialisation envoyé à ${staff.email} (valable ${RESET_MINUTES} minutes).`;
}

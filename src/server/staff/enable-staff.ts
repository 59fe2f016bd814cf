import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { findMember } from './manage-staff';

/** Équipe → "Réactiver": the person signs in again with their password. */
export async function enableStaff(actor: StaffAudit, staffId: string): Promise<string> {
  const name = await db.$transaction(async (tx) => {
    const staff = await findMember(tx, staffId);
    if (!staff.disabledAt) throw new UserError(`${staff.name} est déjà actif.`);
    await tx.staffUser.update({ where: { id: staff.id }, data: { disabledAt: null } });
    await recordEvent(tx, actor, { type: 'staff.enabled', targetId: staff.id });
    return staff.name;
  });
  return `${name} est réactivé : il peut se reconnecter avec son mot de passe.`;
}

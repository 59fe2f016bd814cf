import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { findMember } from './manage-staff';

/** Équipe → "Déverrouiller": ends a sign-in lock now. */
export async function unlockStaff(actor: StaffAudit, staffId: string): Promise<string> {
  const name = await db.$transaction(async (tx) => {
    const staff = await findMember(tx, staffId);
    if (!staff.lockedUntil || staff.lockedUntil <= new Date())
      throw new UserError(`Le compte de ${staff.name} n'est pas verrouillé : rien à déverrouiller.`);
    await tx.staffUser.update({ where: { id: staff.id }, data: { lockedUntil: null, failedLoginCount: 0 } });
    await recordEvent(tx, actor, { type: 'staff.unlocked', targetId: staff.id });
    return staff.name;
  });
  return `Compte de ${name} déverrouillé : il peut se reconnecter.`;
}

import 'server-only';
import type { StaffRole } from '@/generated/prisma/enums';
import { recordEvent } from '@/server/journal/record-event';
import { ROLE_LABELS } from '@/server/auth/permissions';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { revokeSessions } from '@/server/session/sessions';
import { assertAnotherAdmin, findMember } from './manage-staff';

/** Équipe → a new role: new permissions, so the person's sessions end and they sign in again. */
export async function changeStaffRole(actor: StaffAudit, staffId: string, role: StaffRole): Promise<string> {
  const name = await db.$transaction(async (tx) => {
    const staff = await findMember(tx, staffId);
    if (staff.role === role) throw new UserError(`${staff.name} a déjà le rôle ${ROLE_LABELS[role]}.`);
    if (staff.role === 'ADMIN') await assertAnotherAdmin(tx, staff.id);
    await tx.staffUser.update({
      where: { id: staff.id },
      data: { role, credentialVersion: { increment: 1 } },
    });
    const sessions = await revokeSessions(tx, { staffId: staff.id }, 'role');
    await recordEvent(tx, actor, {
      type: 'staff.role_changed',
      targetId: staff.id,
      details: { before: staff.role, after: role, sessions },
    });
    return staff.name;
  });
  return `${name} est maintenant ${ROLE_LABELS[role]} ; ses sessions ont pris fin.`;
}

import 'server-only';
import { recordEvent, type Actor } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { revokeSessions } from '@/server/session/sessions';
import { findMember } from './manage-staff';

/** Ends every session of a staff member ("Terminer ses sessions", "Se déconnecter partout"). */
export async function endAllStaffSessions(actor: Actor, staffId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const sessions = await revokeSessions(tx, { staffId }, 'staff');
    await recordEvent(tx, actor, {
      type: 'staff.sessions_ended',
      targetId: staffId,
      details: { sessions },
    });
    return sessions;
  });
}

/** Équipe → "Terminer ses sessions" on another member. */
export async function endStaffSessions(actor: StaffAudit, staffId: string): Promise<string> {
  const staff = await findMember(db, staffId);
  const count = await endAllStaffSessions(actor, staff.id);
  return `${count} session${count > 1 ? 's' : ''} de ${staff.name} terminée${count > 1 ? 's' : ''}.`;
}

import 'server-only';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { disableStaffMember } from './manage-staff';

/** Équipe → "Désactiver": the person can no longer sign in and their sessions end (never the last admin). */
export async function disableTeamMember(actor: StaffAudit, staffId: string): Promise<string> {
  const { name } = await db.$transaction((tx) => disableStaffMember(tx, actor, staffId));
  return `${name} est désactivé : ses sessions ont pris fin.`;
}

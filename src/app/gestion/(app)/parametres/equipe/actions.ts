'use server';
import { revalidatePath } from 'next/cache';
import { staffAction } from '@/server/auth/staff-action';
import type { ActionResult } from '@/shared/action-result';
import {
  changeStaffRole,
  disableStaff,
  enableStaff,
  endStaffSessions,
  inviteStaff,
  sendStaffReset,
  unlockStaff,
} from '@/server/staff/team';

// Each Équipe action through the one staff-action wrapper (ADMIN only: staff:manage); the list is re-read after it.
const withRefresh =
  (action: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>) =>
  async (prev: unknown, form: FormData) => {
    const result = await action(prev, form);
    if (result.ok) revalidatePath('/gestion/parametres/equipe');
    return result;
  };

export const inviteMember = withRefresh(staffAction(inviteStaff));
export const changeMemberRole = withRefresh(staffAction(changeStaffRole));
export const disableMember = withRefresh(staffAction(disableStaff));
export const enableMember = withRefresh(staffAction(enableStaff));
export const sendMemberReset = withRefresh(staffAction(sendStaffReset));
export const endMemberSessions = withRefresh(staffAction(endStaffSessions));
export const unlockMember = withRefresh(staffAction(unlockStaff));

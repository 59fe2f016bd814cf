'use server';
import { revalidatePath } from 'next/cache';
import { staffAction } from '@/server/auth/staff-action';
import * as staff from '@/server/staff/actions';
import type { ActionResult } from '@/shared/action-result';

// Each Équipe action through the one staff-action wrapper (ADMIN only: staff:manage); the list is re-read after it.
const withRefresh =
  (action: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>) =>
  async (prev: unknown, form: FormData) => {
    const result = await action(prev, form);
    if (result.ok) revalidatePath('/gestion/parametres/equipe');
    return result;
  };

export const inviteMember = withRefresh(staffAction(staff.inviteStaffAction));
export const changeMemberRole = withRefresh(staffAction(staff.changeStaffRoleAction));
export const disableMember = withRefresh(staffAction(staff.disableStaffAction));
export const enableMember = withRefresh(staffAction(staff.enableStaffAction));
export const sendMemberReset = withRefresh(staffAction(staff.sendStaffResetAction));
export const endMemberSessions = withRefresh(staffAction(staff.endStaffSessionsAction));
export const unlockMember = withRefresh(staffAction(staff.unlockStaffAction));

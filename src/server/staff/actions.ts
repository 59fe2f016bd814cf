import 'server-only';
import { defineStaffAction } from '@/server/auth/staff-action';
import { changeStaffRole } from './change-staff-role';
import { disableTeamMember } from './disable-team-member';
import { enableStaff } from './enable-staff';
import { endStaffSessions } from './end-staff-sessions';
import { inviteStaff } from './invite-staff';
import { ZInvitation, ZStaffId, ZStaffRole } from './schemas';
import { sendStaffReset } from './send-staff-reset';
import { unlockStaff } from './unlock-staff';

// Paramètres → Équipe (ADMIN: staff:manage), each change journaled in its own transaction.

export const inviteStaffAction = defineStaffAction({
  permission: 'staff:manage',
  input: ZInvitation,
  async run({ input, audit }) {
    return { message: await inviteStaff(audit, input) };
  },
});

export const changeStaffRoleAction = defineStaffAction({
  permission: 'staff:manage',
  input: ZStaffRole,
  async run({ input, audit }) {
    return { message: await changeStaffRole(audit, input.staffId, input.role) };
  },
});

export const disableStaffAction = defineStaffAction({
  permission: 'staff:manage',
  input: ZStaffId,
  async run({ input, audit }) {
    return { message: await disableTeamMember(audit, input.staffId) };
  },
});

export const enableStaffAction = defineStaffAction({
  permission: 'staff:manage',
  input: ZStaffId,
  async run({ input, audit }) {
    return { message: await enableStaff(audit, input.staffId) };
  },
});

export const sendStaffResetAction = defineStaffAction({
  permission: 'staff:manage',
  input: ZStaffId,
  async run({ input, audit }) {
    return { message: await sendStaffReset(audit, input.staffId) };
  },
});

export const endStaffSessionsAction = defineStaffAction({
  permission: 'staff:manage',
  input: ZStaffId,
  async run({ input, audit }) {
    return { message: await endStaffSessions(audit, input.staffId) };
  },
});

export const unlockStaffAction = defineStaffAction({
  permission: 'staff:manage',
  input: ZStaffId,
  async run({ input, audit }) {
    return { message: await unlockStaff(audit, input.staffId) };
  },
});

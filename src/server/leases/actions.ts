import 'server-only';
import { defineStaffAction } from '@/server/auth/staff-action';
import { createLease, updateLease } from './save-lease';
import { ZLeaseForm, ZLeaseUpdateForm } from './schemas';

export const createLeaseAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZLeaseForm,
  async run({ input, audit }) {
    const { id, message } = await createLease(audit, input);
    return { message, data: { id } };
  },
});

export const updateLeaseAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZLeaseUpdateForm,
  async run({ input, audit }) {
    const { id, message } = await updateLease(audit, input);
    return { message, data: { id } };
  },
});

import 'server-only';
import { defineStaffAction } from '@/server/auth/staff-action';
import { createProperty, updateProperty } from './save-property';
import { ZPropertyForm, ZPropertyUpdateForm } from './schemas';

export const createPropertyAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZPropertyForm,
  async run({ input, audit }) {
    const { id, message } = await createProperty(audit, input);
    return { message, data: { id } };
  },
});

export const updatePropertyAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZPropertyUpdateForm,
  async run({ input, audit }) {
    const { id, message } = await updateProperty(audit, input);
    return { message, data: { id } };
  },
});

import 'server-only';
import { defineStaffAction } from '@/server/auth/staff-action';
import { previewMailTemplate } from './preview-mail-template';
import { resetMailTemplate } from './reset-mail-template';
import { saveAgencyIdentity } from './save-agency-identity';
import { saveMailTemplate } from './save-mail-template';
import { ZAgencyIdentity, ZMailTemplate, ZMailTemplateKey } from './schemas';

// Paramètres → Mails (ADMIN: settings:write).

export const saveAgencyIdentityAction = defineStaffAction({
  permission: 'settings:write',
  input: ZAgencyIdentity,
  async run({ input, audit }) {
    return { message: await saveAgencyIdentity(audit, input) };
  },
});

export const saveMailTemplateAction = defineStaffAction({
  permission: 'settings:write',
  input: ZMailTemplate,
  async run({ input, audit }) {
    return { message: await saveMailTemplate(audit, input) };
  },
});

export const resetMailTemplateAction = defineStaffAction({
  permission: 'settings:write',
  input: ZMailTemplateKey,
  async run({ input, audit }) {
    return { message: await resetMailTemplate(audit, input) };
  },
});

export const previewMailTemplateAction = defineStaffAction({
  permission: 'settings:write',
  input: ZMailTemplate,
  async run({ input }) {
    return { data: await previewMailTemplate(input) };
  },
});

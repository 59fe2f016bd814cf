import 'server-only';
import { defineStaffAction } from '@/server/auth/staff-action';
import { ZCredentialSettings, ZReminderSettings, ZSessionLifetimes } from './schemas';
import { updateCredentialSettings } from './update-credential-settings';
import { updateReminderSettings } from './update-reminder-settings';
import { updateSessionLifetimes } from './update-session-lifetimes';

// Paramètres (ADMIN: settings:write).

export const updateCredentialSettingsAction = defineStaffAction({
  permission: 'settings:write',
  input: ZCredentialSettings,
  async run({ input, audit }) {
    return { message: await updateCredentialSettings(audit, input) };
  },
});

export const updateSessionLifetimesAction = defineStaffAction({
  permission: 'settings:write',
  input: ZSessionLifetimes,
  async run({ input, audit }) {
    return { message: await updateSessionLifetimes(audit, input) };
  },
});

export const updateReminderSettingsAction = defineStaffAction({
  permission: 'settings:write',
  input: ZReminderSettings,
  async run({ input, audit }) {
    return { message: await updateReminderSettings(audit, input) };
  },
});

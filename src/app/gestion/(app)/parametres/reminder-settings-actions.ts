'use server';
import { staffAction } from '@/server/auth/staff-action';
import { updateReminderSettingsAction } from '@/server/settings/actions';

export const saveReminderSettings = staffAction(updateReminderSettingsAction);

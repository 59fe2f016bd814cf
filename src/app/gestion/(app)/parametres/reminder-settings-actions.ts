'use server';
import { staffAction } from '@/server/auth/staff-action';
import { updateReminderSettings } from '@/server/settings/reminder-settings';

export const saveReminderSettings = staffAction(updateReminderSettings);

'use server';
import { staffAction } from '@/server/auth/staff-action';
import { updateCredentialSettings } from '@/server/settings/update-settings';

export const saveCredentialSettings = staffAction(updateCredentialSettings);

'use server';
import { staffAction } from '@/server/auth/staff-action';
import { updateCredentialSettings, updateSessionLifetimes } from '@/server/settings/update-settings';

export const saveCredentialSettings = staffAction(updateCredentialSettings);
export const saveSessionLifetimes = staffAction(updateSessionLifetimes);

'use server';
import { staffAction } from '@/server/auth/staff-action';
import { updateCredentialSettingsAction, updateSessionLifetimesAction } from '@/server/settings/actions';

export const saveCredentialSettings = staffAction(updateCredentialSettingsAction);
export const saveSessionLifetimes = staffAction(updateSessionLifetimesAction);

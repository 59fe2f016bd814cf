import 'server-only';
import { db, type Tx } from '@/server/db';
import type { CredentialSettings } from '@/shared/settings/credential-settings';

/** The schema's defaults, used until an ADMIN saves the settings (or the seed writes row 1). */
export const DEFAULT_CREDENTIAL_SETTINGS: CredentialSettings = {
  deliveryMode: 'TEMPORARY_PASSWORD',
  temporaryPasswordDays: 7,
};

export async function getCredentialSettings(tx: Tx = db): Promise<CredentialSettings> {
  const row = await tx.agencySettings.findUnique({
    where: { id: 1 },
    select: { deliveryMode: true, temporaryPasswordDays: true },
  });
  return row ?? DEFAULT_CREDENTIAL_SETTINGS;
}

export type ReminderSettings = { reminderDaysBeforeExpiry: number | null; reminderReview: boolean };

export async function getReminderSettings(tx: Tx = db): Promise<ReminderSettings> {
  const row = await tx.agencySettings.findUnique({
    where: { id: 1 },
    select: { reminderDaysBeforeExpiry: true, reminderReview: true },
  });
  return row ?? { reminderDaysBeforeExpiry: null, reminderReview: true };
}

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

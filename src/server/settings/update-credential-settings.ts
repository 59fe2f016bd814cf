import 'server-only';
import type { z } from 'zod';
import type { StaffAudit } from '@/server/auth/staff-action';
import { getCredentialSettings } from './get-settings';
import type { ZCredentialSettings } from './schemas';
import { saveSettings } from './update-settings';

/** Paramètres → how credentials are delivered. ADMIN only; the change and its before/after go to the journal. */
export async function updateCredentialSettings(
  actor: StaffAudit,
  input: z.output<typeof ZCredentialSettings>,
): Promise<string> {
  await saveSettings(actor, getCredentialSettings, input);
  return 'Paramètres enregistrés.';
}

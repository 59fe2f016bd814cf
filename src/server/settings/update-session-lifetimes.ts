import 'server-only';
import type { z } from 'zod';
import type { StaffAudit } from '@/server/auth/staff-action';
import { getSessionLifetimes } from '@/server/session/lifetimes';
import type { ZSessionLifetimes } from './schemas';
import { saveSettings } from './update-settings';

/** Paramètres → how long sessions last. New sessions follow it; the journal keeps the before/after. */
export async function updateSessionLifetimes(
  actor: StaffAudit,
  input: z.output<typeof ZSessionLifetimes>,
): Promise<string> {
  await saveSettings(actor, getSessionLifetimes, input);
  return 'Durées des sessions enregistrées : elles valent pour les prochaines connexions.';
}

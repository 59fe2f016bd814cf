import 'server-only';
import type { z } from 'zod';
import type { StaffAudit } from '@/server/auth/staff-action';
import { getReminderSettings } from './get-settings';
import type { ZReminderSettings } from './schemas';
import { saveSettings } from './update-settings';

/**
 * Paramètres → the automatic reminder (docs/decisions/027): N days before a temporary password expires, to someone
 * who never signed in; waiting "À vérifier" or sent directly. ADMIN only; journaled with before/after.
 */
export async function updateReminderSettings(
  actor: StaffAudit,
  input: z.output<typeof ZReminderSettings>,
): Promise<string> {
  await saveSettings(actor, getReminderSettings, {
    reminderDaysBeforeExpiry: input.reminderDaysBeforeExpiry,
    reminderReview: input.reminderReview === 'review',
  });
  return input.reminderDaysBeforeExpiry
    ? `Relance automatique enregistrée : ${input.reminderDaysBeforeExpiry} jour(s) avant l’expiration, ${input.reminderReview === 'review' ? 'à vérifier dans le Centre d’envoi' : 'envoyée directement'}.`
    : 'Relance automatique désactivée.';
}

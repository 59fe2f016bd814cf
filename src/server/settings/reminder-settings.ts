import 'server-only';
import { z } from 'zod';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db, type Tx } from '@/server/db';
import { saveSettings } from './update-settings';

export type ReminderSettings = { reminderDaysBeforeExpiry: number | null; reminderReview: boolean };

export async function getReminderSettings(tx: Tx = db): Promise<ReminderSettings> {
  const row = await tx.agencySettings.findUnique({
    where: { id: 1 },
    select: { reminderDaysBeforeExpiry: true, reminderReview: true },
  });
  return row ?? { reminderDaysBeforeExpiry: null, reminderReview: true };
}

const DAYS = 'Indiquez un nombre de jours entre 1 et 30, ou laissez vide pour ne pas relancer automatiquement.';

export const ZReminderSettings = z.object({
  reminderDaysBeforeExpiry: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : v),
    z.coerce.number({ error: DAYS }).int(DAYS).min(1, DAYS).max(30, DAYS).nullable(),
  ),
  reminderReview: z.enum(['review', 'direct'], {
    error: 'Choisissez « À vérifier dans le Centre d’envoi » ou « Envoyée directement ».',
  }),
});

/**
 * Paramètres → the automatic reminder (docs/decisions/027): N days before a temporary password expires, to someone
 * who never signed in; waiting "À vérifier" or sent directly. ADMIN only; journaled with before/after.
 */
export const updateReminderSettings = defineStaffAction({
  permission: 'settings:write',
  input: ZReminderSettings,
  async run({ input, audit }) {
    await saveSettings(audit, getReminderSettings, {
      reminderDaysBeforeExpiry: input.reminderDaysBeforeExpiry,
      reminderReview: input.reminderReview === 'review',
    });
    return {
      message: input.reminderDaysBeforeExpiry
        ? `Relance automatique enregistrée : ${input.reminderDaysBeforeExpiry} jour(s) avant l’expiration, ${input.reminderReview === 'review' ? 'à vérifier dans le Centre d’envoi' : 'envoyée directement'}.`
        : 'Relance automatique désactivée.',
    };
  },
});

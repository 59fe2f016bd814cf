import 'server-only';
import { z } from 'zod';
import { recordEvent } from '@/server/audit/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { getCredentialSettings } from './get-settings';

export const DELIVERY_MODE_LABELS = {
  TEMPORARY_PASSWORD: 'Mot de passe provisoire',
  ACTIVATION_LINK: "Lien d'activation",
} as const;

export const ZCredentialSettings = z.object({
  deliveryMode: z.enum(['TEMPORARY_PASSWORD', 'ACTIVATION_LINK'], {
    error: "Choisissez « Mot de passe provisoire » ou « Lien d'activation ».",
  }),
  temporaryPasswordDays: z.coerce
    .number({ error: 'Indiquez un nombre de jours entre 1 et 90.' })
    .int('Indiquez un nombre entier de jours, entre 1 et 90.')
    .min(1, 'Indiquez un nombre de jours entre 1 et 90.')
    .max(90, 'Indiquez un nombre de jours entre 1 et 90.'),
});

/** Paramètres → how credentials are delivered. ADMIN only; the change and its before/after go to the journal. */
export const updateCredentialSettings = defineStaffAction({
  permission: 'settings:write',
  input: ZCredentialSettings,
  async run({ input, audit }) {
    await db.$transaction(async (tx) => {
      const before = await getCredentialSettings(tx);
      await tx.agencySettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
      await recordEvent(tx, audit, {
        type: 'settings.updated',
        targetType: 'AgencySettings',
        targetId: '1',
        details: { before, after: input },
      });
    });
    return { message: 'Paramètres enregistrés.' };
  },
});

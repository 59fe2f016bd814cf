import 'server-only';
import { z } from 'zod';
import { recordEvent, type Actor } from '@/server/journal/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db, type Tx } from '@/server/db';
import { getSessionLifetimes, STAFF_ABSOLUTE_MAX_HOURS } from '@/server/session/lifetimes';
import { getCredentialSettings } from './get-settings';

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
    await saveSettings(audit, getCredentialSettings, input);
    return { message: 'Paramètres enregistrés.' };
  },
});

const minutes = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} : indiquez un nombre entre ${min} et ${max}.` })
    .int(`${label} : indiquez un nombre entier entre ${min} et ${max}.`)
    .min(min, `${label} : indiquez un nombre entre ${min} et ${max}.`)
    .max(max, `${label} : indiquez un nombre entre ${min} et ${max}.`);

export const ZSessionLifetimes = z.object({
  staffIdleMinutes: minutes("Inactivité de l'équipe (minutes)", 5, 720),
  staffAbsoluteHours: minutes("Durée maximale d'une session de l'équipe (heures)", 1, STAFF_ABSOLUTE_MAX_HOURS),
  extranetIdleMinutes: minutes('Inactivité extranet (minutes)', 5, 720),
  extranetRememberDays: minutes('« Rester connecté » (jours)', 1, 90),
});

/** Paramètres → how long sessions last. New sessions follow it; the journal keeps the before/after. */
export const updateSessionLifetimes = defineStaffAction({
  permission: 'settings:write',
  input: ZSessionLifetimes,
  async run({ input, audit }) {
    await saveSettings(audit, getSessionLifetimes, input);
    return { message: 'Durées des sessions enregistrées : elles valent pour les prochaines connexions.' };
  },
});

/** Writes some of Paramètres' fields and journals their before/after, in one transaction. */
type Fields = Record<string, string | number | boolean | null>;
export async function saveSettings(audit: Actor, read: (tx: Tx) => Promise<Fields>, input: Fields) {
  await db.$transaction(async (tx) => {
    const before = await read(tx);
    await tx.agencySettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    await recordEvent(tx, audit, {
      type: 'settings.updated',
      targetId: '1',
      details: { before, after: input },
    });
  });
}

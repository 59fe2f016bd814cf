import 'server-only';
import { z } from 'zod';
import { STAFF_ABSOLUTE_MAX_HOURS } from '@/server/session/lifetimes';

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

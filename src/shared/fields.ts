// Field schemas shared by the forms, the actions and the CSV import, so a value is judged the same everywhere.
// Every message is a French sentence saying what to type.
import { z } from 'zod';

/** Form fields arrive as strings (or are missing); trims, and turns "" into null. */
const blankToNull = (v: unknown) =>
  v === undefined || v === null ? null : typeof v === 'string' ? v.trim() || null : v;

export function optionalText(label: string, max: number) {
  return z.preprocess(blankToNull, z.string().max(max, `${label} : ${max} caractères au maximum.`).nullable());
}

export function requiredText(label: string, max: number, missing: string) {
  return z.preprocess(
    (v) => blankToNull(v) ?? '',
    z.string().min(1, missing).max(max, `${label} : ${max} caractères au maximum.`),
  );
}

export const MESSAGES_FIELDS = {
  email: 'Adresse e-mail invalide : vérifiez la saisie (exemple : prenom.nom@exemple.fr).',
  phone:
    'Numéro de téléphone invalide : saisissez 10 chiffres (06 12 34 56 78) ou un numéro international (+33 6 12 34 56 78).',
  postalCode: 'Code postal invalide : saisissez 5 chiffres (exemple : 69003).',
  civility: 'Civilité inconnue : choisissez M., Mme ou M. et Mme, ou laissez vide.',
  kind: 'Type inconnu : choisissez Locataire ou Propriétaire.',
  name: 'Saisissez le nom de la personne ou la raison sociale de la société.',
  externalRef: 'Référence externe invalide : lettres, chiffres, espaces et - _ . / uniquement.',
} as const;

export const ZEmail = z.preprocess(
  blankToNull,
  z
    .string()
    .max(254, MESSAGES_FIELDS.email)
    .pipe(z.email(MESSAGES_FIELDS.email))
    .transform((v) => v.toLowerCase())
    .nullable(),
);

/** French numbers are stored as "06 12 34 56 78" or "+33 6 12 34 56 78"; other international numbers as "+<digits>". */
export function normalizePhone(value: string): string | null {
  const compact = value.replace(/[\s.\-()\u00a0]/g, '').replace(/^00/, '+');
  if (/^0[1-9]\d{8}$/.test(compact)) return compact.replace(/(\d{2})(?=\d)/g, '$1 ');
  const french = /^\+330?([1-9]\d{8})$/.exec(compact);
  if (french) return `+33 ${french[1][0]} ${french[1].slice(1).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  if (/^\+[1-9]\d{6,14}$/.test(compact) && !compact.startsWith('+33')) return compact;
  return null;
}

export const ZPhone = z.preprocess(
  blankToNull,
  z
    .string()
    .transform(
      (v, ctx) => normalizePhone(v) ?? (ctx.addIssue({ code: 'custom', message: MESSAGES_FIELDS.phone }), z.NEVER),
    )
    .nullable(),
);

export const ZPostalCode = z.preprocess(
  blankToNull,
  z
    .string()
    .regex(/^\d{5}$/, MESSAGES_FIELDS.postalCode)
    .nullable(),
);
export const ZRequiredPostalCode = z.preprocess(
  (v) => blankToNull(v) ?? '',
  z.string().regex(/^\d{5}$/, MESSAGES_FIELDS.postalCode),
);

export const ZExternalRef = z.preprocess(
  blankToNull,
  z
    .string()
    .max(50, 'Référence externe : 50 caractères au maximum.')
    .regex(/^[\p{L}\d _.\/-]+$/u, MESSAGES_FIELDS.externalRef)
    .nullable(),
);

/** A checkbox: "on", "true", "1" → true; missing → false. */
export const ZCheckbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

/** An id chosen in a list. */
export const ZId = (missing: string) =>
  z.preprocess((v) => blankToNull(v) ?? '', z.string().min(1, missing).max(64, missing));

import { z } from 'zod';
import { normalizeName } from '@/shared/tiers/names';
import { MESSAGES_FIELDS, optionalText, ZCheckbox, ZEmail, ZExternalRef, ZPhone, ZPostalCode } from '@/shared/fields';

export const CIVILITIES = ['M.', 'Mme', 'M. et Mme'] as const;

export const TIERS_KIND_LABELS = { LOCATAIRE: 'Locataire', PROPRIETAIRE: 'Propriétaire' } as const;

// What agency software exports: "M", "Mr", "Monsieur", "Madame", "MME", "M et Mme"...
const CIVILITY_ALIASES: Record<string, (typeof CIVILITIES)[number]> = {
  'm.': 'M.',
  m: 'M.',
  mr: 'M.',
  'mr.': 'M.',
  monsieur: 'M.',
  mme: 'Mme',
  'mme.': 'Mme',
  madame: 'Mme',
  mlle: 'Mme',
  mademoiselle: 'Mme',
  'm. et mme': 'M. et Mme',
  'm et mme': 'M. et Mme',
  'monsieur et madame': 'M. et Mme',
  'mr et mme': 'M. et Mme',
};

export const ZCivility = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() ? (CIVILITY_ALIASES[normalizeName(v)] ?? v.trim()) : null) : (v ?? null)),
  z.enum(CIVILITIES, MESSAGES_FIELDS.civility).nullable(),
);

export const ZTiersKind = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? (({ locataire: 'LOCATAIRE', proprietaire: 'PROPRIETAIRE' } as Record<string, string>)[normalizeName(v)] ?? v)
      : v,
  z.enum(['LOCATAIRE', 'PROPRIETAIRE'], MESSAGES_FIELDS.kind),
);

const fields = {
  kind: ZTiersKind,
  civility: ZCivility,
  lastName: optionalText('Nom', 100),
  firstName: optionalText('Prénom', 100),
  companyName: optionalText('Raison sociale', 150),
  email: ZEmail,
  phone: ZPhone,
  addressLine: optionalText('Adresse', 200),
  postalCode: ZPostalCode,
  city: optionalText('Ville', 100),
  externalRef: ZExternalRef,
};

/** Runs even when other fields fail, so a form or an import line lists every problem at once. */
export const ALWAYS = { when: () => true } as const;

const hasName = (v: { lastName?: unknown; companyName?: unknown }, ctx: z.RefinementCtx) => {
  if (!(typeof v.lastName === 'string' && v.lastName) && !(typeof v.companyName === 'string' && v.companyName)) {
    ctx.addIssue({ code: 'custom', path: ['lastName'], message: MESSAGES_FIELDS.name });
  }
};

/** A company's record keeps its name in lastName too (sort, search and the extranet identifiant use it). */
const withName = <T extends { lastName: string | null; companyName: string | null }>(v: T) => ({
  ...v,
  lastName: (v.lastName ?? v.companyName)!,
});

export const ZTiersFields = z.object(fields).superRefine(hasName, ALWAYS).transform(withName);
export type TTiersFields = z.output<typeof ZTiersFields>;

/** The form: the fields, plus "save even though it looks like a duplicate". */
export const ZTiersForm = z
  .object({ ...fields, confirmDuplicates: ZCheckbox })
  .superRefine(hasName, ALWAYS)
  .transform(withName);
export const ZTiersUpdateForm = z
  .object({ id: z.string().min(1), ...fields, confirmDuplicates: ZCheckbox })
  .superRefine(hasName, ALWAYS)
  .transform(withName);

/** "Archiver" / "Réactiver". */
export const ZArchiveTiers = z.object({
  id: z.string().min(1),
  archived: z.preprocess((v) => v === true || v === 'true', z.boolean()),
});

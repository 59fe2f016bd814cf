import { z } from 'zod';
import type { PropertyKind } from '@/generated/prisma/enums';
import { parseFrenchDecimal } from '@/server/leases/french-formats';
import { normalizeName } from '@/shared/tiers/names';
import { optionalText, requiredText, ZExternalRef, ZId, ZRequiredPostalCode } from '@/shared/fields';
import { PROPERTY_KIND_LABELS } from '@/shared/properties/labels';

const KIND_BY_LABEL = Object.fromEntries(
  Object.entries(PROPERTY_KIND_LABELS).flatMap(([k, label]) => [
    [normalizeName(label), k],
    [k.toLowerCase(), k],
  ]),
) as Record<string, PropertyKind>;

export const ZPropertyKind = z.preprocess(
  (v) => (typeof v === 'string' ? (KIND_BY_LABEL[normalizeName(v)] ?? v) : v),
  z.enum(
    Object.keys(PROPERTY_KIND_LABELS) as [PropertyKind, ...PropertyKind[]],
    'Type de bien inconnu : choisissez Appartement, Maison, Studio, Local commercial, Parking ou Autre.',
  ),
);

export const ZSurface = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() ? v : null),
  z
    .string()
    .transform((v, ctx) => {
      const d = parseFrenchDecimal(v);
      if (d === null || Number(d) <= 0 || Number(d) >= 1_000_000) {
        ctx.addIssue({ code: 'custom', message: 'Surface invalide : saisissez un nombre de m² (exemple : 45,50).' });
        return z.NEVER;
      }
      return d;
    })
    .nullable(),
);

/** The fields of a bien, without its owner (the form chooses an id, the import gives a reference). */
export const propertyFields = {
  kind: ZPropertyKind,
  addressLine: requiredText('Adresse', 200, "Saisissez l'adresse du bien."),
  postalCode: ZRequiredPostalCode,
  city: requiredText('Ville', 100, 'Saisissez la ville du bien.'),
  unitLabel: optionalText('Lot', 100),
  surfaceM2: ZSurface,
  externalRef: ZExternalRef,
};

const ZOwnerId = ZId('Choisissez le propriétaire du bien.');

export const ZPropertyForm = z.object({ ...propertyFields, ownerId: ZOwnerId });
export const ZPropertyUpdateForm = z.object({ id: z.string().min(1), ...propertyFields, ownerId: ZOwnerId });
export type TPropertyForm = z.output<typeof ZPropertyForm>;

import { z } from 'zod';
import { ZExternalRef, ZId } from '@/shared/fields';
import { ALWAYS } from '@/server/tiers/schemas';
import { parseEurosToCents, parseFrenchDate } from './french-formats';

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim());

/** An amount in euros with French decimals ("1 234,56"), to cents. */
export function ZEuros(label: string, required: boolean) {
  const invalid = `${label} : montant invalide, saisissez un nombre en euros (exemple : 1 234,56).`;
  return z.preprocess(
    (v) => (blank(v) ? (required ? '' : '0') : v),
    z.string().transform((v, ctx) => {
      if (!v) {
        ctx.addIssue({ code: 'custom', message: `${label} : saisissez un montant en euros.` });
        return z.NEVER;
      }
      const cents = parseEurosToCents(v);
      if (cents === null || cents > 100_000_000) {
        ctx.addIssue({ code: 'custom', message: invalid });
        return z.NEVER;
      }
      return cents;
    }),
  );
}

export function ZFrenchDate(label: string, required: boolean) {
  return z.preprocess(
    (v) => (blank(v) ? null : v),
    z
      .string()
      .transform(
        (v, ctx) =>
          parseFrenchDate(v) ??
          (ctx.addIssue({
            code: 'custom',
            message: `${label} : date invalide, utilisez le format JJ/MM/AAAA (exemple : 05/03/2024).`,
          }),
          z.NEVER),
      )
      .nullable()
      .refine((v) => !required || v !== null, `${label} : saisissez une date (JJ/MM/AAAA).`),
  );
}

export const leaseFields = {
  startDate: ZFrenchDate('Date de début', true),
  endDate: ZFrenchDate('Date de fin', false),
  rentCents: ZEuros('Loyer', true),
  chargesCents: ZEuros('Charges', false),
  depositCents: ZEuros('Dépôt de garantie', false),
  externalRef: ZExternalRef,
};

export const END_BEFORE_START = 'La date de fin doit être postérieure à la date de début.';

/** A lease ends after it starts; its first tenant is the main one, the others are co-tenants. */
export function checkDates(v: { startDate: unknown; endDate: unknown }, ctx: z.RefinementCtx) {
  if (v.startDate instanceof Date && v.endDate instanceof Date && v.endDate <= v.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: END_BEFORE_START });
}

const asList = (v: unknown) => (Array.isArray(v) ? v : blank(v) ? [] : [v]);

const tenantFields = {
  primaryTenantId: ZId('Choisissez le locataire principal du bail.'),
  coTenantIds: z.preprocess(asList, z.array(z.string().min(1).max(64)).max(10, 'Dix colocataires au maximum.')),
};

const withTenants = <T extends { primaryTenantId: string; coTenantIds: string[] }>({
  primaryTenantId,
  coTenantIds,
  ...rest
}: T) => ({
  ...rest,
  tenantIds: [primaryTenantId, ...new Set(coTenantIds.filter((id) => id !== primaryTenantId))],
});

export const ZLeaseForm = z
  .object({ propertyId: ZId('Bien introuvable.'), ...leaseFields, ...tenantFields })
  .superRefine(checkDates, ALWAYS)
  .transform(withTenants);
export const ZLeaseUpdateForm = z
  .object({ id: z.string().min(1), ...leaseFields, ...tenantFields })
  .superRefine(checkDates, ALWAYS)
  .transform(withTenants);

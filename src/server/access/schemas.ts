import { z } from 'zod';
import { statusFromSlug } from '@/shared/access/access-status-labels';

/** The default page size; 100 and 200 are offered too (`taille`). */
export const PAGE_SIZE = 50;
export const PAGE_SIZES = [50, 100, 200] as const;

/**
 * The list's URL: `?type=locataire&q=martin&statut=actif&taille=100&tri=connexion&apres=<cursor>`. Anything
 * malformed falls back to the default.
 */
export const ZListQuery = z.object({
  type: z.enum(['locataire', 'proprietaire', 'tous']).catch('tous'),
  q: z.string().trim().max(200).catch('').default(''),
  statut: z
    .string()
    .optional()
    .catch(undefined)
    .transform((slug) => statusFromSlug(slug)),
  taille: z.coerce
    .number()
    .optional()
    .catch(undefined)
    .transform((n) => ((PAGE_SIZES as readonly number[]).includes(n ?? 0) ? n! : PAGE_SIZE)),
  tri: z.enum(['nom', 'connexion']).catch('nom'),
  apres: z.string().max(500).optional().catch(undefined),
  avant: z.string().max(500).optional().catch(undefined),
});
export type TListQuery = z.output<typeof ZListQuery>;

import 'server-only';
import type { Tx } from '@/server/db';
import { displayName, normalizeName, sortNameOf } from '@/shared/tiers/names';
import type { TiersDuplicate } from '@/shared/tiers/save-tiers-data';
import type { TTiersFields } from './schemas';

/** Other active tiers with the same e-mail, or the same name at the same address: shown before saving. */
export async function findDuplicates(tx: Tx, fields: TTiersFields, excludeId?: string): Promise<TiersDuplicate[]> {
  const sortName = sortNameOf(fields);
  const sameAddress = fields.addressLine && fields.postalCode;
  if (!fields.email && !sameAddress) return [];
  const candidates = await tx.tiers.findMany({
    where: {
      archivedAt: null,
      ...(excludeId ? { id: { not: excludeId } } : {}),
      OR: [
        ...(fields.email ? [{ email: fields.email }] : []),
        ...(sameAddress ? [{ sortName, postalCode: fields.postalCode }] : []),
      ],
    },
    select: {
      id: true,
      civility: true,
      lastName: true,
      firstName: true,
      companyName: true,
      email: true,
      addressLine: true,
      externalRef: true,
    },
    take: 10,
  });
  return candidates.flatMap((c) => {
    const reason =
      fields.email && c.email === fields.email
        ? `même adresse e-mail (${c.email})`
        : sameAddress && normalizeName(c.addressLine ?? '') === normalizeName(fields.addressLine!)
          ? 'même nom et même adresse'
          : null;
    return reason ? [{ id: c.id, name: displayName(c), externalRef: c.externalRef, reason }] : [];
  });
}

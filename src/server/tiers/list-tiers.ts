import 'server-only';
import { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db';
import { normalizeName } from './names';

export const PAGE_SIZE = 50;

export const ZTiersListQuery = z.object({
  q: z.string().trim().max(100).catch(''),
  type: z.enum(['LOCATAIRE', 'PROPRIETAIRE', 'TOUS']).catch('TOUS'),
  statut: z.enum(['actifs', 'archives', 'tous']).catch('actifs'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type TTiersListQuery = z.output<typeof ZTiersListQuery>;

/** Search by name, e-mail, reference, phone or city; filtered by kind and archive state; sorted by name. */
export async function listTiers(query: TTiersListQuery) {
  const q = query.q;
  const where: Prisma.TiersWhereInput = {
    ...(query.type !== 'TOUS' ? { kind: query.type } : {}),
    ...(query.statut === 'actifs'
      ? { archivedAt: null }
      : query.statut === 'archives'
        ? { archivedAt: { not: null } }
        : {}),
    ...(q
      ? {
          OR: [
            { sortName: { contains: normalizeName(q) } },
            { email: { contains: q.toLowerCase() } },
            { externalRef: { contains: q, mode: 'insensitive' } },
            { phone: { contains: q } },
            { city: { contains: q, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.tiers.findMany({
      where,
      orderBy: [{ sortName: 'asc' }, { id: 'asc' }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        civility: true,
        lastName: true,
        firstName: true,
        companyName: true,
        email: true,
        phone: true,
        city: true,
        externalRef: true,
        archivedAt: true,
      },
    }),
    db.tiers.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Active tiers of one kind for a select (owner of a bien, tenants of a bail). */
export async function listTiersOptions(kind: 'LOCATAIRE' | 'PROPRIETAIRE') {
  return db.tiers.findMany({
    where: { kind, archivedAt: null },
    orderBy: [{ sortName: 'asc' }, { id: 'asc' }],
    select: { id: true, civility: true, lastName: true, firstName: true, companyName: true, externalRef: true },
  });
}

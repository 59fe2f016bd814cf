import 'server-only';
import { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db';
import { parsePersonSearch, searchTiersPage } from '@/server/db/person-search.sql';

export const PAGE_SIZE = 50;

export const ZTiersListQuery = z.object({
  q: z.string().trim().max(100).catch(''),
  type: z.enum(['LOCATAIRE', 'PROPRIETAIRE', 'TOUS']).catch('TOUS'),
  statut: z.enum(['actifs', 'archives', 'tous']).catch('actifs'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type TTiersListQuery = z.output<typeof ZTiersListQuery>;

const select = {
  id: true,
  kind: true,
  civility: true,
  lastName: true,
  firstName: true,
  companyName: true,
  email: true,
  emailInvalidAddress: true,
  phone: true,
  city: true,
  externalRef: true,
  archivedAt: true,
} satisfies Prisma.TiersSelect;

/**
 * Filtered by kind and archive state; sorted by name, or with a search (name in any order, e-mail, phone, reference,
 * city: docs/decisions/014) best matches first.
 */
export async function listTiers(query: TTiersListQuery) {
  const kind = query.type !== 'TOUS' ? query.type : undefined;
  const archived = query.statut === 'actifs' ? false : query.statut === 'archives' ? true : undefined;
  const offset = (query.page - 1) * PAGE_SIZE;
  const search = query.q ? parsePersonSearch(query.q) : null;
  if (search) {
    const { ids, total } = await searchTiersPage(search, { kind, archived, limit: PAGE_SIZE, offset });
    const found = await db.tiers.findMany({ where: { id: { in: ids } }, select });
    const rows = ids.flatMap((id) => found.filter((t) => t.id === id));
    return { rows, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
  }
  const where: Prisma.TiersWhereInput = {
    ...(kind ? { kind } : {}),
    ...(archived === undefined ? {} : { archivedAt: archived ? { not: null } : null }),
  };
  const [rows, total] = await Promise.all([
    db.tiers.findMany({ where, orderBy: [{ sortName: 'asc' }, { id: 'asc' }], skip: offset, take: PAGE_SIZE, select }),
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

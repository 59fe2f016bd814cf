import 'server-only';
import { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { documentListSelect } from '@/server/documents/document-select';
import { normalizeName } from '@/shared/tiers/names';

export const PROPERTY_PAGE_SIZE = 50;

export const ZPropertyListQuery = z.object({
  q: z.string().trim().max(100).catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

const ownerSelect = {
  select: { id: true, civility: true, lastName: true, firstName: true, companyName: true },
} as const;
const tenantsSelect = { select: { isPrimary: true, tiers: ownerSelect } } as const;

/** Biens by address, reference, city or owner name, each with its latest bail. */
export async function listProperties(query: z.output<typeof ZPropertyListQuery>) {
  const q = query.q;
  const where: Prisma.PropertyWhereInput = q
    ? {
        OR: [
          { addressLine: { contains: q, mode: 'insensitive' } },
          { city: { contains: q, mode: 'insensitive' } },
          { postalCode: { startsWith: q } },
          { externalRef: { contains: q, mode: 'insensitive' } },
          { owner: { sortName: { contains: normalizeName(q) } } },
        ],
      }
    : {};
  const [rows, total] = await Promise.all([
    db.property.findMany({
      where,
      orderBy: [{ city: 'asc' }, { addressLine: 'asc' }, { id: 'asc' }],
      skip: (query.page - 1) * PROPERTY_PAGE_SIZE,
      take: PROPERTY_PAGE_SIZE,
      select: {
        id: true,
        externalRef: true,
        kind: true,
        addressLine: true,
        postalCode: true,
        city: true,
        unitLabel: true,
        owner: ownerSelect,
        leases: { orderBy: { startDate: 'desc' }, take: 1, select: { startDate: true, endDate: true } },
      },
    }),
    db.property.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / PROPERTY_PAGE_SIZE)) };
}

export async function getProperty(id: string) {
  const property = await db.property.findUnique({
    where: { id },
    select: {
      id: true,
      externalRef: true,
      kind: true,
      addressLine: true,
      postalCode: true,
      city: true,
      unitLabel: true,
      surfaceM2: true,
      ownerId: true,
      owner: ownerSelect,
      leases: {
        orderBy: { startDate: 'desc' },
        select: {
          id: true,
          externalRef: true,
          startDate: true,
          endDate: true,
          rentCents: true,
          chargesCents: true,
          depositCents: true,
          tenants: tenantsSelect,
        },
      },
      documents: { orderBy: { createdAt: 'desc' }, select: documentListSelect },
    },
  });
  if (!property) throw new NotFoundError('property');
  return property;
}

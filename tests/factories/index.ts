// Test data through the real client, one record at a time, with sensible defaults.
import { randomUUID } from 'node:crypto';
import type { StaffRole, TiersKind } from '@/generated/prisma/enums';
import { hashPassword } from '@/server/session/password';
import { db } from '@/server/db';
import type { StaffActor } from '@/server/auth/staff-session';
import { sortNameOf } from '@/shared/tiers/names';

let counter = 0;
const next = () => `${++counter}-${randomUUID().slice(0, 8)}`;

export async function createStaffUser(
  options: { role?: StaffRole; password?: string; email?: string } = {},
): Promise<StaffActor & { password: string }> {
  const password = options.password ?? 'Test-Password-2026!';
  const user = await db.staffUser.create({
    data: {
      email: options.email ?? `staff-${next()}@test.fr`,
      name: `Agent ${counter}`,
      role: options.role ?? 'GESTIONNAIRE',
      password: { create: { hash: await hashPassword(password) } },
    },
    select: { id: true, name: true, email: true, role: true },
  });
  return { ...user, password };
}

export async function createTiers(
  options: { kind?: TiersKind; lastName?: string; firstName?: string; email?: string | null } = {},
) {
  const data = {
    kind: options.kind ?? 'LOCATAIRE',
    civility: 'Mme',
    lastName: options.lastName ?? `Martin${next().slice(0, 4)}`,
    firstName: options.firstName ?? 'Claire',
    email: options.email === undefined ? `tiers-${next()}@exemple.fr` : options.email,
    phone: '06 12 34 56 78',
    addressLine: '3 rue Pasteur',
    postalCode: '69003',
    city: 'Lyon',
    externalRef: `REF-${next()}`,
  };
  return db.tiers.create({ data: { ...data, sortName: sortNameOf(data) } });
}

export async function createPropertyWithLease(options: { ownerId?: string; tenantIds?: string[] } = {}) {
  const ownerId = options.ownerId ?? (await createTiers({ kind: 'PROPRIETAIRE' })).id;
  const property = await db.property.create({
    data: {
      kind: 'APPARTEMENT',
      addressLine: '10 rue Victor Hugo',
      postalCode: '69002',
      city: 'Lyon',
      unitLabel: 'Lot 4',
      ownerId,
    },
  });
  const tenantIds = options.tenantIds ?? [(await createTiers()).id];
  const lease = await db.lease.create({
    data: {
      propertyId: property.id,
      startDate: new Date(Date.UTC(2024, 0, 1)),
      rentCents: 72000,
      chargesCents: 8000,
      depositCents: 72000,
      tenants: { create: tenantIds.map((tiersId, i) => ({ tiersId, isPrimary: i === 0 })) },
    },
  });
  return { property, lease, ownerId, tenantIds };
}

import 'server-only';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { parisToday } from '@/server/leases/french-formats';
import { displayName } from '@/shared/tiers/names';
import type { ExtranetActor } from './session-validity';

// Everything here is scoped to the signed-in person in the query itself: another person's lease or bien is simply
// not found (404), never "forbidden".

type Who = Pick<ExtranetActor, 'tiersId' | 'kind'>;

const propertySelect = {
  id: true,
  kind: true,
  addressLine: true,
  postalCode: true,
  city: true,
  unitLabel: true,
  surfaceM2: true,
} as const;
const leaseSelect = {
  id: true,
  startDate: true,
  endDate: true,
  rentCents: true,
  chargesCents: true,
  depositCents: true,
  property: { select: propertySelect },
  tenants: {
    select: {
      tiersId: true,
      isPrimary: true,
      tiers: { select: { civility: true, firstName: true, lastName: true, companyName: true } },
    },
  },
} as const;

/** A lease ends on its end date; it is shown as ended from the next day (Europe/Paris calendar, stored as a date). */
export function isLeaseEnded(lease: { endDate: Date | null }, now = new Date()): boolean {
  if (!lease.endDate) return false;
  return lease.endDate < parisToday(now);
}

function shapeLease(lease: Awaited<ReturnType<typeof findLeases>>[number], tiersId: string) {
  return {
    id: lease.id,
    startDate: lease.startDate,
    endDate: lease.endDate,
    ended: isLeaseEnded(lease),
    rentCents: lease.rentCents,
    chargesCents: lease.chargesCents,
    depositCents: lease.depositCents,
    property: { ...lease.property, surfaceM2: lease.property.surfaceM2?.toString() ?? null },
    coTenants: lease.tenants.filter((t) => t.tiersId !== tiersId).map((t) => displayName(t.tiers)),
  };
}
export type MyLease = ReturnType<typeof shapeLease>;

function findLeases(tiersId: string, leaseId?: string) {
  return db.lease.findMany({
    where: { ...(leaseId ? { id: leaseId } : {}), tenants: { some: { tiersId } } },
    select: leaseSelect,
    orderBy: [{ startDate: 'desc' }, { id: 'asc' }],
  });
}

/** A tenant's leases, the current ones first. */
export async function listMyLeases(who: Who): Promise<MyLease[]> {
  if (who.kind !== 'LOCATAIRE') return [];
  const leases = (await findLeases(who.tiersId)).map((l) => shapeLease(l, who.tiersId));
  return leases.sort((a, b) => Number(a.ended) - Number(b.ended));
}

export async function getMyLease(who: Who, leaseId: string): Promise<MyLease> {
  const [lease] = who.kind === 'LOCATAIRE' ? await findLeases(who.tiersId, leaseId) : [];
  if (!lease) throw new NotFoundError('lease');
  return shapeLease(lease, who.tiersId);
}

/** An owner's biens, each with its current lease and tenants. */
export async function listMyProperties(who: Who, propertyId?: string) {
  if (who.kind !== 'PROPRIETAIRE') return [];
  const properties = await db.property.findMany({
    where: { ...(propertyId ? { id: propertyId } : {}), ownerId: who.tiersId },
    select: {
      ...propertySelect,
      leases: {
        select: {
          id: true,
          startDate: true,
          endDate: true,
          rentCents: true,
          chargesCents: true,
          tenants: {
            select: {
              isPrimary: true,
              tiers: { select: { civility: true, firstName: true, lastName: true, companyName: true } },
            },
          },
        },
        orderBy: { startDate: 'desc' },
      },
    },
    orderBy: [{ city: 'asc' }, { addressLine: 'asc' }, { id: 'asc' }],
  });
  return properties.map(({ leases, ...property }) => {
    const current = leases.find((l) => !isLeaseEnded(l) && l.startDate <= new Date()) ?? null;
    return {
      ...property,
      surfaceM2: property.surfaceM2?.toString() ?? null,
      currentLease: current && {
        id: current.id,
        startDate: current.startDate,
        endDate: current.endDate,
        rentCents: current.rentCents,
        chargesCents: current.chargesCents,
        tenants: [...current.tenants]
          .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))
          .map((t) => displayName(t.tiers)),
      },
    };
  });
}
export type MyProperty = Awaited<ReturnType<typeof listMyProperties>>[number];

/**
 * One bien page ("Mon bien"): an owner's own. A tenant sees their home in "Mon logement" (getMyLease), so a bien's
 * page answers not found to a tenant, as to anyone else.
 */
export async function getMyProperty(who: Who, propertyId: string): Promise<MyProperty> {
  const [property] = await listMyProperties(who, propertyId);
  if (!property) throw new NotFoundError('property');
  return property;
}

/** The person's own contact details and the agency's, for "Mes coordonnées" and "Mon logement". */
export async function getMyProfile(who: Who) {
  const [tiers, agency] = await Promise.all([
    db.tiers.findUniqueOrThrow({
      where: { id: who.tiersId },
      select: { civility: true, firstName: true, lastName: true, companyName: true, email: true, phone: true },
    }),
    db.agencySettings.findUnique({
      where: { id: 1 },
      select: { agencyName: true, agencyEmail: true, agencyPhone: true, agencyAddress: true },
    }),
  ]);
  return {
    name: displayName(tiers),
    email: tiers.email,
    phone: tiers.phone,
    agency: {
      name: agency?.agencyName ?? 'Agence Trousseau',
      email: agency?.agencyEmail ?? null,
      phone: agency?.agencyPhone ?? null,
      address: agency?.agencyAddress ?? null,
    },
  };
}

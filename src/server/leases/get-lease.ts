import 'server-only';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { documentListSelect } from '@/server/documents/document-select';

export async function getLease(id: string) {
  const lease = await db.lease.findUnique({
    where: { id },
    select: {
      id: true,
      externalRef: true,
      propertyId: true,
      startDate: true,
      endDate: true,
      rentCents: true,
      chargesCents: true,
      depositCents: true,
      property: { select: { id: true, addressLine: true, postalCode: true, city: true, unitLabel: true } },
      tenants: {
        orderBy: { isPrimary: 'desc' },
        select: {
          tiersId: true,
          isPrimary: true,
          tiers: { select: { civility: true, lastName: true, firstName: true, companyName: true } },
        },
      },
      documents: { orderBy: { createdAt: 'desc' }, select: documentListSelect },
    },
  });
  if (!lease) throw new NotFoundError('lease');
  return lease;
}

import 'server-only';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { documentListSelect } from '@/server/documents/document-select';
import { tiersFieldsSelect } from './record-tiers-changes';

/** A tiers with what hangs on it: the biens they own, their baux, their documents, their last mails. */
export async function getTiers(id: string) {
  const tiers = await db.tiers.findUnique({
    where: { id },
    select: {
      id: true,
      ...tiersFieldsSelect,
      archivedAt: true,
      createdAt: true,
      emailInvalidAddress: true,
      emailInvalidAt: true,
      emailInvalidReason: true,
      outboxMails: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 5,
        select: {
          id: true,
          type: true,
          status: true,
          toAddress: true,
          createdAt: true,
          sentAt: true,
          deliveryKind: true,
          deliveryAt: true,
          deliveryDetail: true,
        },
      },
      ownedProperties: {
        orderBy: { addressLine: 'asc' },
        select: {
          id: true,
          externalRef: true,
          kind: true,
          addressLine: true,
          postalCode: true,
          city: true,
          unitLabel: true,
        },
      },
      leases: {
        orderBy: { lease: { startDate: 'desc' } },
        select: {
          isPrimary: true,
          lease: {
            select: {
              id: true,
              externalRef: true,
              startDate: true,
              endDate: true,
              rentCents: true,
              chargesCents: true,
              property: { select: { id: true, addressLine: true, postalCode: true, city: true, unitLabel: true } },
            },
          },
        },
      },
      documents: { orderBy: { createdAt: 'desc' }, select: documentListSelect },
    },
  });
  if (!tiers) throw new NotFoundError('tiers');
  return tiers;
}

import 'server-only';
import type { Tx } from '@/server/db';
import { NotFoundError } from '@/server/errors';

/** The target must exist; the journal links the event to the person concerned when there is one. */
export async function targetTiers(tx: Tx, type: 'tiers' | 'property' | 'lease', id: string): Promise<string | null> {
  if (type === 'tiers') {
    if (!(await tx.tiers.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError('tiers');
    return id;
  }
  if (type === 'property') {
    const property = await tx.property.findUnique({ where: { id }, select: { ownerId: true } });
    if (!property) throw new NotFoundError('property');
    return property.ownerId;
  }
  const lease = await tx.lease.findUnique({
    where: { id },
    select: { tenants: { where: { isPrimary: true }, select: { tiersId: true }, take: 1 } },
  });
  if (!lease) throw new NotFoundError('lease');
  return lease.tenants[0]?.tiersId ?? null;
}

const documentFields = {
  id: true,
  title: true,
  fileName: true,
  category: true,
  sha256: true,
  sizeBytes: true,
  storageKey: true,
  visibleOnExtranet: true,
  tiersId: true,
  propertyId: true,
  leaseId: true,
} as const;

/** A document and the person it concerns (for the journal), else not found. */
export async function findDocument(tx: Tx, id: string) {
  const document = await tx.document.findUnique({ where: { id }, select: documentFields });
  if (!document) throw new NotFoundError('document');
  const tiersId = document.tiersId
    ? document.tiersId
    : document.propertyId
      ? await targetTiers(tx, 'property', document.propertyId)
      : document.leaseId
        ? await targetTiers(tx, 'lease', document.leaseId)
        : null;
  return { ...document, tiersId };
}

import 'server-only';
import type { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db, type Tx } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import type { ZLeaseForm, ZLeaseUpdateForm } from './schemas';

/** A new bail on a bien, its first tenant primary; journaled. */
export async function createLease(
  actor: StaffAudit,
  { tenantIds, propertyId, ...fields }: z.output<typeof ZLeaseForm>,
): Promise<{ id: string; message: string }> {
  return db.$transaction(async (tx) => {
    if (!(await tx.property.findUnique({ where: { id: propertyId }, select: { id: true } })))
      throw new NotFoundError('property');
    await checkTenantsAndRef(tx, tenantIds, fields.externalRef);
    const lease = await tx.lease.create({
      data: {
        ...fields,
        startDate: fields.startDate!,
        propertyId,
        tenants: { create: tenantIds.map((tiersId, i) => ({ tiersId, isPrimary: i === 0 })) },
      },
      select: { id: true },
    });
    await recordEvent(tx, actor, {
      type: 'lease.created',
      tiersId: tenantIds[0],
      targetId: lease.id,
      details: { propertyId, tenantIds },
    });
    return { id: lease.id, message: 'Le bail a été créé.' };
  });
}

/** A bail's fields and tenants saved; journaled. */
export async function updateLease(
  actor: StaffAudit,
  { id, tenantIds, ...fields }: z.output<typeof ZLeaseUpdateForm>,
): Promise<{ id: string; message: string }> {
  return db.$transaction(async (tx) => {
    if (!(await tx.lease.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError('lease');
    await checkTenantsAndRef(tx, tenantIds, fields.externalRef, id);
    await tx.lease.update({ where: { id }, data: { ...fields, startDate: fields.startDate! } });
    await tx.leaseTenant.deleteMany({ where: { leaseId: id } });
    await tx.leaseTenant.createMany({
      data: tenantIds.map((tiersId, i) => ({ leaseId: id, tiersId, isPrimary: i === 0 })),
    });
    await recordEvent(tx, actor, {
      type: 'lease.updated',
      tiersId: tenantIds[0],
      targetId: id,
      details: { tenantIds },
    });
    return { id, message: 'Le bail est enregistré.' };
  });
}

async function checkTenantsAndRef(tx: Tx, tenantIds: string[], externalRef: string | null, exceptId?: string) {
  const found = await tx.tiers.count({ where: { id: { in: tenantIds }, kind: 'LOCATAIRE' } });
  if (found !== tenantIds.length)
    throw new UserError('Un des locataires choisis est introuvable : choisissez les locataires dans la liste.');
  if (!externalRef) return;
  const other = await tx.lease.findUnique({ where: { externalRef }, select: { id: true } });
  if (other && other.id !== exceptId)
    throw new UserError(`La référence « ${externalRef} » est déjà celle d'un autre bail : choisissez-en une autre.`);
}

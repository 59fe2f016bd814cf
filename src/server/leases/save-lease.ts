import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db, type Tx } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { ZLeaseForm, ZLeaseUpdateForm } from './schemas';

export const createLeaseAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZLeaseForm,
  async run({ input: { tenantIds, propertyId, ...fields }, audit }) {
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
      await recordEvent(tx, audit, {
        type: 'lease.created',
        tiersId: tenantIds[0],
        targetId: lease.id,
        details: { propertyId, tenantIds },
      });
      return { message: 'Le bail a été créé.', data: { id: lease.id } };
    });
  },
});

export const updateLeaseAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZLeaseUpdateForm,
  async run({ input: { id, tenantIds, ...fields }, audit }) {
    return db.$transaction(async (tx) => {
      if (!(await tx.lease.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError('lease');
      await checkTenantsAndRef(tx, tenantIds, fields.externalRef, id);
      await tx.lease.update({ where: { id }, data: { ...fields, startDate: fields.startDate! } });
      await tx.leaseTenant.deleteMany({ where: { leaseId: id } });
      await tx.leaseTenant.createMany({
        data: tenantIds.map((tiersId, i) => ({ leaseId: id, tiersId, isPrimary: i === 0 })),
      });
      await recordEvent(tx, audit, {
        type: 'lease.updated',
        tiersId: tenantIds[0],
        targetId: id,
        details: { tenantIds },
      });
      return { message: 'Le bail est enregistré.', data: { id } };
    });
  },
});

async function checkTenantsAndRef(tx: Tx, tenantIds: string[], externalRef: string | null, exceptId?: string) {
  const found = await tx.tiers.count({ where: { id: { in: tenantIds }, kind: 'LOCATAIRE' } });
  if (found !== tenantIds.length)
    throw new UserError('Un des locataires choisis est introuvable : choisissez les locataires dans la liste.');
  if (!externalRef) return;
  const other = await tx.lease.findUnique({ where: { externalRef }, select: { id: true } });
  if (other && other.id !== exceptId)
    throw new UserError(`La référence « ${externalRef} » est déjà celle d'un autre bail : choisissez-en une autre.`);
}

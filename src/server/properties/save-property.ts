import 'server-only';
import type { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db, type Tx } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import type { ZPropertyForm, ZPropertyUpdateForm } from './schemas';

/** A new bien, with its owner; journaled. */
export async function createProperty(
  actor: StaffAudit,
  input: z.output<typeof ZPropertyForm>,
): Promise<{ id: string; message: string }> {
  return db.$transaction(async (tx) => {
    await checkOwnerAndRef(tx, input.ownerId, input.externalRef);
    const property = await tx.property.create({ data: input, select: { id: true } });
    await recordEvent(tx, actor, {
      type: 'property.created',
      tiersId: input.ownerId,
      targetId: property.id,
      details: { externalRef: input.externalRef },
    });
    return { id: property.id, message: 'Le bien a été créé.' };
  });
}

/** A bien's fields saved; journaled. */
export async function updateProperty(
  actor: StaffAudit,
  { id, ...fields }: z.output<typeof ZPropertyUpdateForm>,
): Promise<{ id: string; message: string }> {
  return db.$transaction(async (tx) => {
    if (!(await tx.property.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError('property');
    await checkOwnerAndRef(tx, fields.ownerId, fields.externalRef, id);
    await tx.property.update({ where: { id }, data: fields });
    await recordEvent(tx, actor, {
      type: 'property.updated',
      tiersId: fields.ownerId,
      targetId: id,
    });
    return { id, message: 'Le bien est enregistré.' };
  });
}

async function checkOwnerAndRef(tx: Tx, ownerId: string, externalRef: string | null, exceptId?: string) {
  const owner = await tx.tiers.findUnique({ where: { id: ownerId }, select: { kind: true } });
  if (owner?.kind !== 'PROPRIETAIRE')
    throw new UserError('Le propriétaire choisi est introuvable : choisissez un propriétaire dans la liste.');
  if (!externalRef) return;
  const other = await tx.property.findUnique({ where: { externalRef }, select: { id: true } });
  if (other && other.id !== exceptId)
    throw new UserError(`La référence « ${externalRef} » est déjà celle d'un autre bien : choisissez-en une autre.`);
}

import 'server-only';
import { randomUUID } from 'node:crypto';
import { recordEvent, type Actor } from '@/server/audit/record-event';
import type { Tx } from '@/server/db';
import { sortNameOf } from '@/server/tiers/names';
import { recordEmailChange } from '@/server/tiers/save-tiers';
import type { ImportKind } from './columns';
import type { ImportPlan, PlannedRow } from './plan-import';

const BATCH = 1000;

/** Writes a plan without refused lines: creations with createMany, updates one by one, in the caller's transaction. */
export async function writeImport(tx: Tx, plan: ImportPlan, audit: Actor, onProgress: (done: number) => void): Promise<void> {
  const creates = plan.rows.filter((r) => !r.existing);
  const updates = plan.rows.filter((r) => r.existing);
  let done = 0;
  const step = (n: number) => onProgress((done += n));
  const kind = plan.report.kind;

  for (let i = 0; i < creates.length; i += BATCH) {
    const batch = creates.slice(i, i + BATCH);
    if (kind === 'tiers') await tx.tiers.createMany({ data: (batch as PlannedRow<'tiers'>[]).map(({ values }) => ({ ...values, sortName: sortNameOf(values) })) });
    else if (kind === 'biens') await tx.property.createMany({ data: (batch as PlannedRow<'biens'>[]).map(({ values: { ownerRef: _, ...v }, ownerId }) => ({ ...v, ownerId: ownerId! })) });
    else {
      const leases = (batch as PlannedRow<'baux'>[]).map((row) => ({ id: randomUUID(), row }));
      await tx.lease.createMany({ data: leases.map(({ id, row }) => leaseData(id, row)) });
      await tx.leaseTenant.createMany({ data: leases.flatMap(({ id, row }) => tenantsData(id, row)) });
    }
    step(batch.length);
  }

  for (let i = 0; i < updates.length; i += BATCH) {
    const batch = updates.slice(i, i + BATCH);
    if (kind === 'tiers') {
      for (const { existing, values } of batch as PlannedRow<'tiers'>[]) {
        await tx.tiers.update({ where: { id: existing!.id }, data: { ...values, sortName: sortNameOf(values) } });
        if ((existing!.email ?? null) !== values.email) await recordEmailChange(tx, audit, existing!.id, existing!.email ?? null, values.email, 'import');
      }
    } else if (kind === 'biens') {
      for (const { existing, values: { ownerRef: _, ...v }, ownerId } of batch as PlannedRow<'biens'>[]) await tx.property.update({ where: { id: existing!.id }, data: { ...v, ownerId: ownerId! } });
    } else {
      const rows = batch as PlannedRow<'baux'>[];
      for (const row of rows) {
        const { id: _, ...data } = leaseData(row.existing!.id, row);
        await tx.lease.update({ where: { id: row.existing!.id }, data });
      }
      await tx.leaseTenant.deleteMany({ where: { leaseId: { in: rows.map((r) => r.existing!.id) } } });
      await tx.leaseTenant.createMany({ data: rows.flatMap((row) => tenantsData(row.existing!.id, row)) });
    }
    step(batch.length);
  }

  await recordEvent(tx, audit, {
    type: 'import.completed',
    targetType: 'import',
    details: { kind: kind satisfies ImportKind, created: creates.length, updated: updates.length, lines: plan.report.total, encoding: plan.report.encoding },
  });
}

function leaseData(id: string, { values, propertyId }: PlannedRow<'baux'>) {
  const { propertyRef: _p, tenantRefs: _t, ...v } = values;
  return { ...v, id, startDate: v.startDate!, propertyId: propertyId! };
}

function tenantsData(leaseId: string, { tenantIds }: PlannedRow<'baux'>) {
  return tenantIds!.map((tiersId, i) => ({ leaseId, tiersId, isPrimary: i === 0 }));
}

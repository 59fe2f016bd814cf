import 'server-only';
import { randomUUID } from 'node:crypto';
import { recordEvent, recordEvents, type Actor } from '@/server/audit/record-event';
import type { Tx } from '@/server/db';
import { sortNameOf } from '@/server/tiers/names';
import { emailChangeEvent } from '@/server/tiers/record-tiers-changes';
import { bulkUpdate, type BulkColumn } from './bulk-update';
import type { ImportKind } from './columns';
import type { ImportPlan, PlannedRow } from './plan-import';

const BATCH = 1000;

const text = (...names: string[]): BulkColumn[] => names.map((name) => ({ name, type: 'text' }));
const TIERS_COLUMNS: BulkColumn[] = [
  { name: 'kind', type: '"TiersKind"' },
  ...text(
    'civility',
    'lastName',
    'firstName',
    'companyName',
    'sortName',
    'email',
    'phone',
    'addressLine',
    'postalCode',
    'city',
  ),
];
const PROPERTY_COLUMNS: BulkColumn[] = [
  { name: 'kind', type: '"PropertyKind"' },
  ...text('addressLine', 'postalCode', 'city', 'unitLabel', 'ownerId'),
  { name: 'surfaceM2', type: 'numeric' },
];
const LEASE_COLUMNS: BulkColumn[] = [
  { name: 'startDate', type: 'date' },
  { name: 'endDate', type: 'date' },
  ...['rentCents', 'chargesCents', 'depositCents'].map((name) => ({ name, type: 'integer' })),
  ...text('propertyId'),
];

/** Writes a plan without refused lines, in batches (createMany, bulk updates), in the caller's transaction. */
export async function writeImport(
  tx: Tx,
  plan: ImportPlan,
  audit: Actor,
  onProgress: (done: number) => void,
): Promise<void> {
  const creates = plan.rows.filter((r) => !r.existing);
  const updates = plan.rows.filter((r) => r.existing);
  let done = 0;
  const step = (n: number) => onProgress((done += n));
  const kind = plan.report.kind;

  for (let i = 0; i < creates.length; i += BATCH) {
    const batch = creates.slice(i, i + BATCH);
    if (kind === 'tiers')
      await tx.tiers.createMany({
        data: (batch as PlannedRow<'tiers'>[]).map(({ values }) => ({ ...values, sortName: sortNameOf(values) })),
      });
    else if (kind === 'biens')
      await tx.property.createMany({
        data: (batch as PlannedRow<'biens'>[]).map(({ values: { ownerRef: _, ...v }, ownerId }) => ({
          ...v,
          ownerId: ownerId!,
        })),
      });
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
      const rows = batch as PlannedRow<'tiers'>[];
      await bulkUpdate(
        tx,
        'Tiers',
        TIERS_COLUMNS,
        rows.map(({ existing, values }) => ({ ...values, id: existing!.id, sortName: sortNameOf(values) })),
      );
      // The diagnostic explains "I no longer receive mails" with this event, so an import records it too.
      const changed = rows.filter(({ existing, values }) => (existing!.email ?? null) !== values.email);
      await recordEvents(
        tx,
        audit,
        changed.map(({ existing, values }) =>
          emailChangeEvent(existing!.id, existing!.email ?? null, values.email, 'import'),
        ),
      );
    } else if (kind === 'biens') {
      await bulkUpdate(
        tx,
        'Property',
        PROPERTY_COLUMNS,
        (batch as PlannedRow<'biens'>[]).map(({ existing, values: { ownerRef: _, ...v }, ownerId }) => ({
          ...v,
          id: existing!.id,
          ownerId,
        })),
      );
    } else {
      const rows = batch as PlannedRow<'baux'>[];
      await bulkUpdate(
        tx,
        'Lease',
        LEASE_COLUMNS,
        rows.map((row) => leaseData(row.existing!.id, row)),
      );
      await tx.leaseTenant.deleteMany({ where: { leaseId: { in: rows.map((r) => r.existing!.id) } } });
      await tx.leaseTenant.createMany({ data: rows.flatMap((row) => tenantsData(row.existing!.id, row)) });
    }
    step(batch.length);
  }

  await recordEvent(tx, audit, {
    type: 'import.completed',
    targetType: 'import',
    details: {
      kind: kind satisfies ImportKind,
      created: creates.length,
      updated: updates.length,
      lines: plan.report.total,
      encoding: plan.report.encoding,
    },
  });
}

function leaseData(id: string, { values, propertyId }: PlannedRow<'baux'>) {
  const { propertyRef: _p, tenantRefs: _t, ...v } = values;
  return { ...v, id, startDate: v.startDate!, propertyId: propertyId! };
}

function tenantsData(leaseId: string, { tenantIds }: PlannedRow<'baux'>) {
  return tenantIds!.map((tiersId, i) => ({ leaseId, tiersId, isPrimary: i === 0 }));
}

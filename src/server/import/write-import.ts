import 'server-only';
import { randomUUID } from 'node:crypto';
import { journalRow, recordEvent, type Actor, type JournalEvent } from '@/server/journal/record-event';
import type { Tx } from '@/server/db';
import type { CopyIn } from '@/server/db/copy-in';
import { cancelPendingEmailChanges } from '@/server/tiers/cancel-email-change';
import { sortNameOf } from '@/shared/tiers/names';
import { emailChangeEvent } from '@/server/tiers/record-tiers-changes';
import { bulkInsert, bulkUpdate, type BulkColumn } from './import.sql';
import type { PlannedRow } from './plan-import';
import type { ImportKind, ImportReport } from '@/shared/import/report';

/** Rows per call of bulkInsert / bulkUpdate, which COPY them or send statements of at most 60,000 characters. */
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

const ID: BulkColumn = { name: 'id', type: 'text' };
const TENANT_COLUMNS: BulkColumn[] = [...text('leaseId', 'tiersId'), { name: 'isPrimary', type: 'boolean' }];
const insertTenants = (tx: Tx, rows: ReturnType<typeof tenantsData>, copy?: CopyIn | null) =>
  bulkInsert(tx, 'LeaseTenant', TENANT_COLUMNS, rows, { timestamps: false, copy });

const EVENT_COLUMNS: BulkColumn[] = [
  ...text('type', 'actorStaffId', 'actorAccountId', 'tiersId', 'targetType', 'targetId', 'ip'),
  { name: 'actorType', type: '"ActorType"' },
  { name: 'details', type: 'jsonb' },
  { name: 'createdAt', type: 'timestamp(3)' },
];

/**
 * The rows recordEvents writes (journalRow), in one statement: a re-import can change 100,000 e-mails, and Prisma's
 * createMany took ~1 s per 1,000 events here. createdAt is the UTC clock value, as Prisma stores it.
 */
function insertEvents(tx: Tx, audit: Actor, events: JournalEvent[]) {
  const createdAt = new Date().toISOString();
  return bulkInsert(
    tx,
    'AuditEvent',
    EVENT_COLUMNS,
    events.map((e) => ({ ...journalRow(audit, e), createdAt })),
    { timestamps: false },
  );
}

/**
 * Writes one planned batch (no refused line in it), by 1,000, in the caller’s transaction: creations with the
 * transaction's COPY when it has one (`copy`, db/copy-in.ts), else bulk inserts; updates with bulk updates.
 */
export async function writeImportBatch(
  tx: Tx,
  kind: ImportKind,
  rows: PlannedRow<ImportKind>[],
  audit: Actor,
  copy: CopyIn | null = null,
) {
  const creates = rows.filter((r) => !r.existing);
  const updates = rows.filter((r) => r.existing);

  for (let i = 0; i < creates.length; i += BATCH) {
    const batch = creates.slice(i, i + BATCH);
    if (kind === 'tiers')
      await bulkInsert(
        tx,
        'Tiers',
        [ID, ...TIERS_COLUMNS, ...text('externalRef')],
        (batch as PlannedRow<'tiers'>[]).map(({ values }) => ({
          ...values,
          id: randomUUID(),
          sortName: sortNameOf(values),
        })),
        { timestamps: true, copy },
      );
    else if (kind === 'biens')
      await bulkInsert(
        tx,
        'Property',
        [ID, ...PROPERTY_COLUMNS, ...text('externalRef')],
        (batch as PlannedRow<'biens'>[]).map(({ values: { ownerRef: _, ...v }, ownerId }) => ({
          ...v,
          id: randomUUID(),
          ownerId: ownerId!,
        })),
        { timestamps: true, copy },
      );
    else {
      const leases = (batch as PlannedRow<'baux'>[]).map((row) => ({ id: randomUUID(), row }));
      await bulkInsert(
        tx,
        'Lease',
        [ID, ...LEASE_COLUMNS, ...text('externalRef')],
        leases.map(({ id, row }) => leaseData(id, row)),
        { timestamps: true, copy },
      );
      await insertTenants(
        tx,
        leases.flatMap(({ id, row }) => tenantsData(id, row)),
        copy,
      );
    }
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
      await insertEvents(
        tx,
        audit,
        changed.map(({ existing, values }) =>
          emailChangeEvent(existing!.id, existing!.email ?? null, values.email, 'import'),
        ),
      );
      const changedIds = changed.map(({ existing }) => existing!.id);
      await cancelPendingEmailChanges(tx, audit, changedIds, 'import');
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
      await insertTenants(
        tx,
        rows.flatMap((row) => tenantsData(row.existing!.id, row)),
      );
    }
  }
}

/** The import's one journal event, once every batch is written. */
export async function recordImportCompleted(tx: Tx, audit: Actor, report: ImportReport) {
  await recordEvent(tx, audit, {
    type: 'import.completed',
    details: {
      kind: report.kind satisfies ImportKind,
      created: report.created,
      updated: report.updated,
      lines: report.total,
      encoding: report.encoding,
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

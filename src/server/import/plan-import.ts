import 'server-only';
import type { Tx } from '@/server/db';
import { checkEmails } from '@/server/tiers/check-emails';
import { displayName } from '@/shared/tiers/names';
import { columnHeader } from './columns';
import { findByRefs } from './import.sql';
import type { ImportFile, RowValues, ValidatedRow } from './validate-rows';
import type { ImportKind, ImportLine, ImportReport } from '@/shared/import/report';

export const REPORT_LINES_KEPT = 200;

/** A line ready to write: its values, the id it updates (if any), and the ids its references point to. */
export type PlannedRow<K extends ImportKind> = {
  line: number;
  existing: { id: string; email?: string | null } | null;
  values: RowValues[K];
  ownerId?: string;
  propertyId?: string;
  tenantIds?: string[];
};

/** Lines read, checked against the database and handed on together: memory holds one batch, not the file. */
const BATCH = 2000;

/**
 * Decides, line by line, what the import will do: create, update (same référence externe) or refuse, with the
 * reasons. Reads the file and the database batch by batch, through `tx` (the import re-plans inside its own
 * transaction), and hands each batch's lines to write to `onBatch` (the import writes them; the dry run does not).
 */
export async function planImport(
  tx: Tx,
  file: ImportFile,
  onBatch?: (rows: PlannedRow<ImportKind>[], report: ImportReport) => Promise<void>,
): Promise<ImportReport> {
  const report: ImportReport = {
    kind: file.kind,
    encoding: file.encoding,
    total: 0,
    created: 0,
    updated: 0,
    refused: 0,
    lines: [],
  };
  const firstLineOfRef = new Map<string, number>();
  let kept = { refuse: 0, warn: 0, other: 0 };
  let batch: ValidatedRow<ImportKind>[] = [];
  // A batch is written while the next one is read and validated: on PostgreSQL the server writes while this process
  // validates. The next batch is planned (looked up) only once the write is done: one transaction, one statement at a
  // time, and a write that failed stops the import before anything else is sent.
  let writing: Promise<{ error: unknown } | null> = Promise.resolve(null);
  const written = async () => {
    const failed = await writing;
    if (failed) throw failed.error;
  };
  const flush = async () => {
    await written();
    // The import itself decides nothing on warnings (the dry run showed them): it does not look them up again.
    const { lines, rows } = await planBatch(tx, file.kind, batch, firstLineOfRef, !onBatch);
    batch = [];
    for (const l of lines) {
      report.total++;
      if (l.action === 'create') report.created++;
      else if (l.action === 'update') report.updated++;
      else report.refused++;
      if (l.warnings) report.warned = (report.warned ?? 0) + 1;
      const group = l.action === 'refuse' ? 'refuse' : l.warnings ? 'warn' : 'other';
      if (kept[group] < REPORT_LINES_KEPT) {
        kept = { ...kept, [group]: kept[group] + 1 };
        report.lines.push(l);
      }
    }
    if (!onBatch) return;
    writing = onBatch(rows, report).then(
      () => null,
      (error: unknown) => ({ error }),
    );
    // Lets the driver put the statement on the wire before the next lines are validated (synchronous work).
    await new Promise((resolve) => setImmediate(resolve));
  };
  for (const row of file.rows()) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  await written();
  return report;
}

async function planBatch(
  tx: Tx,
  kind: ImportKind,
  batch: ValidatedRow<ImportKind>[],
  firstLineOfRef: Map<string, number>,
  withWarnings: boolean,
): Promise<{ lines: ImportLine[]; rows: PlannedRow<ImportKind>[] }> {
  const refColumn = columnHeader(kind, 'externalRef');
  const lines: ImportLine[] = [];
  const candidates: { index: number; values: RowValues[ImportKind]; line: number }[] = [];

  for (const row of batch) {
    const reference = row.values?.externalRef ?? (row.raw.externalRef || null);
    const entry: ImportLine = {
      line: row.line,
      action: 'refuse',
      reference,
      label: labelOf(kind, row.raw),
      errors: row.errors ? [...row.errors] : [],
    };
    if (reference) {
      const first = firstLineOfRef.get(reference);
      if (first !== undefined)
        entry.errors.push({
          column: refColumn,
          message: `Référence « ${reference} » déjà présente ligne ${first} du fichier : gardez une seule ligne par référence.`,
        });
      else firstLineOfRef.set(reference, row.line);
    }
    lines.push(entry);
    if (row.values && !entry.errors.length)
      candidates.push({ index: lines.length - 1, values: row.values, line: row.line });
  }

  const refs = candidates.map((c) => c.values.externalRef!);
  const existing = new Map<string, { id: string; email?: string | null }>();
  const table = kind === 'tiers' ? 'Tiers' : kind === 'biens' ? 'Property' : 'Lease';
  const found = await findByRefs<{ externalRef: string; id: string; email?: string | null }>(
    tx,
    table,
    kind === 'tiers' ? ['id', 'email'] : ['id'],
    refs,
  );
  for (const { externalRef, ...row } of found) existing.set(externalRef, row);

  // References to other records (owner, bien, tenants) must already exist, with the right kind.
  const tiersByRef = new Map<string, { id: string; kind: string }>();
  const propertyByRef = new Map<string, string>();
  if (kind === 'biens' || kind === 'baux') {
    const tiersRefs = [
      ...new Set(
        candidates.flatMap((c) =>
          'ownerRef' in c.values ? [c.values.ownerRef] : 'tenantRefs' in c.values ? c.values.tenantRefs : [],
        ),
      ),
    ];
    for (const t of await findByRefs<{ externalRef: string; id: string; kind: string }>(
      tx,
      'Tiers',
      ['id', 'kind'],
      tiersRefs,
    ))
      tiersByRef.set(t.externalRef, t);
  }
  if (kind === 'baux') {
    const propertyRefs = [...new Set(candidates.map((c) => (c.values as RowValues['baux']).propertyRef))];
    for (const p of await findByRefs<{ externalRef: string; id: string }>(tx, 'Property', ['id'], propertyRefs))
      propertyByRef.set(p.externalRef, p.id);
  }

  // E-mail typos and addresses already on another tiers: one query for the batch (src/server/tiers/check-emails.ts).
  const emailWarnings =
    kind === 'tiers' && withWarnings
      ? await checkEmails(
          tx,
          candidates.map((c) => ({ email: (c.values as RowValues['tiers']).email, externalRef: c.values.externalRef })),
        )
      : [];

  const rows: PlannedRow<ImportKind>[] = [];
  for (const [i, c] of candidates.entries()) {
    const entry = lines[c.index];
    if (emailWarnings[i]?.length)
      entry.warnings = emailWarnings[i].map((w) => ({ column: columnHeader(kind, 'email'), message: w.message }));
    const planned: PlannedRow<ImportKind> = {
      line: c.line,
      existing: existing.get(c.values.externalRef!) ?? null,
      values: c.values,
    };
    if ('ownerRef' in c.values) {
      const owner = tiersByRef.get(c.values.ownerRef);
      if (owner?.kind === 'PROPRIETAIRE') planned.ownerId = owner.id;
      else
        entry.errors.push({
          column: columnHeader(kind, 'ownerRef'),
          message: missingTiers(c.values.ownerRef, owner, 'propriétaire'),
        });
    }
    if ('propertyRef' in c.values) {
      planned.propertyId = propertyByRef.get(c.values.propertyRef);
      if (!planned.propertyId)
        entry.errors.push({
          column: columnHeader(kind, 'propertyRef'),
          message: `Aucun bien de référence « ${c.values.propertyRef} » : importez d'abord le fichier des biens, ou corrigez la référence.`,
        });
      planned.tenantIds = [];
      for (const ref of c.values.tenantRefs) {
        const tenant = tiersByRef.get(ref);
        if (tenant?.kind === 'LOCATAIRE') planned.tenantIds.push(tenant.id);
        else
          entry.errors.push({
            column: columnHeader(kind, 'tenantRefs'),
            message: missingTiers(ref, tenant, 'locataire'),
          });
      }
    }
    if (entry.errors.length) continue;
    entry.action = planned.existing ? 'update' : 'create';
    rows.push(planned);
  }

  return { lines, rows };
}

function missingTiers(
  ref: string,
  found: { kind: string } | undefined,
  expected: 'propriétaire' | 'locataire',
): string {
  if (!found)
    return `Aucun ${expected} de référence « ${ref} » : importez d'abord le fichier des tiers, ou corrigez la référence.`;
  return `La référence « ${ref} » est celle d'un ${expected === 'locataire' ? 'propriétaire' : 'locataire'}, pas d'un ${expected} : corrigez la référence.`;
}

/** How the report names a line, from what the file says (even when the line is refused). */
function labelOf(kind: ImportKind, raw: Record<string, string>): string {
  if (kind === 'tiers')
    return (
      displayName({
        civility: raw.civility,
        firstName: raw.firstName,
        lastName: raw.lastName,
        companyName: raw.companyName,
      }) || '(sans nom)'
    );
  if (kind === 'biens')
    return (
      [raw.addressLine, raw.postalCode, raw.city].filter(Boolean).join(' ') +
      (raw.unitLabel ? ` – ${raw.unitLabel}` : '')
    );
  return `Bien ${raw.propertyRef || '?'} – ${raw.tenantRefs || '?'}${raw.startDate ? ` depuis le ${raw.startDate}` : ''}`;
}

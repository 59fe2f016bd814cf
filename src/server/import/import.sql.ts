import 'server-only';
import type { Tx } from '@/server/db';
import type { CopyIn } from '@/server/db/copy-in';
import { PLAN_EACH_TIME } from '@/server/db/engine';
import { DB_NOW } from '@/server/db/now';

export type BulkColumn = { name: string; type: string };

/**
 * Rows travel as one text array per column (`unnest($1::text[], $2::text[], …)`), at most this many characters per
 * statement: a string over 128 KB goes to V8's large-object space, which only a full collection frees, and a
 * 100,000-line import at ~330 KB per statement grew the process by 270–330 MiB. 60,000 characters stay under 128 KB
 * even as a two-byte string (one "œ" or "’" makes it one), so these die young (docs/decisions/045). Arrays, not one
 * JSON document: PostgreSQL reads a text array in less than half the time of `json_to_recordset` (decision 047).
 */
const MAX_CHARS = 60_000;

/** A value as PostgreSQL reads it from text (null stays null): dates in ISO form, objects as JSON. */
function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean);
}

/** One array element: NULL, or the value's text in quotes (`\` and `"` escaped), as `array_in` reads it. */
function element(value: unknown): string {
  const text = textOf(value);
  return text === null ? 'NULL' : `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * CSV records for COPY, one string per row, then `extra` cells: a null is an empty unquoted cell, any text is quoted
 * (so '' stays ''). Built by concatenation: this runs for every cell of every imported line.
 */
function* csvRecords(rows: Record<string, unknown>[], names: string[], extra: string[]): Generator<string> {
  const tail = extra.map((cell) => `,"${cell}"`).join('');
  for (const row of rows) {
    let record = '';
    for (let i = 0; i < names.length; i++) {
      const text = textOf(row[names[i]]);
      if (i) record += ',';
      if (text !== null) record += text.includes('"') ? `"${text.replace(/"/g, '""')}"` : `"${text}"`;
    }
    yield record + tail;
  }
}

/** The transaction's "now" as DB_NOW gives it (now() is the transaction's start: one value for all its rows). */
const nowOfTransaction = new WeakMap<Tx, Promise<string>>();
function transactionNow(tx: Tx): Promise<string> {
  let now = nowOfTransaction.get(tx);
  if (!now) {
    now = tx
      .$queryRawUnsafe<{ now: string }[]>(`SELECT to_char(${DB_NOW}, 'YYYY-MM-DD HH24:MI:SS.MS') AS now`)
      .then(([row]) => row.now);
    nowOfTransaction.set(tx, now);
  }
  return now;
}

/** The rows as one PostgreSQL array literal per column, by statements of at most MAX_CHARS characters. */
function* arrayChunks(rows: Record<string, unknown>[], names: string[]): Generator<string[]> {
  let columns: string[][] = names.map(() => []);
  let length = 0;
  for (const row of rows) {
    const cells = names.map((name) => element(row[name]));
    const width = cells.reduce((sum, cell) => sum + cell.length + 1, 0);
    if (length && length + width > MAX_CHARS) {
      yield columns.map((cells) => `{${cells.join(',')}}`);
      columns = names.map(() => []);
      length = 0;
    }
    cells.forEach((cell, i) => columns[i].push(cell));
    length += width;
  }
  if (length) yield columns.map((cells) => `{${cells.join(',')}}`);
}

const quote = (name: string) => `"${name.replace(/"/g, '')}"`;

/** `unnest($1::text[], …) AS v(…)`: the rows as a relation of text columns, cast where they are used. */
function fromArrays(names: string[]): string {
  const params = names.map((_, i) => `$${i + 1}::text[]`).join(', ');
  return `unnest(${params}) AS v(${names.map(quote).join(', ')})`;
}

async function run(tx: Tx, sql: string, rows: Record<string, unknown>[], names: string[]) {
  for (const arrays of arrayChunks(rows, names)) await tx.$executeRawUnsafe(sql, ...arrays);
}

/**
 * Updates many rows with one statement per MAX_CHARS of rows (UPDATE … FROM unnest(…)): a round trip per few hundred
 * rows instead of one per row, which is what makes a 10,000-line re-import fit in seconds. Table and column names
 * come from code, never from the file; values travel as parameters.
 */
export async function bulkUpdate(
  tx: Tx,
  table: string,
  columns: BulkColumn[],
  rows: Record<string, unknown>[],
): Promise<void> {
  if (!rows.length) return;
  const names = ['id', ...columns.map((c) => c.name)];
  const sets = columns.map((c) => `${quote(c.name)} = v.${quote(c.name)}::${c.type}`).join(', ');
  const sql = `UPDATE ${quote(table)} AS t SET ${sets}, "updatedAt" = ${DB_NOW} FROM ${fromArrays(names)} WHERE t."id" = v."id"`;
  await run(tx, sql, rows, names);
}

/**
 * Inserts many rows: with `copy` (the transaction's COPY, db/copy-in.ts), a COPY of CSV records; else one statement
 * per MAX_CHARS of rows (INSERT … SELECT FROM unnest(…)), measured ~40× faster than Prisma's createMany for 1,000
 * rows. `columns` name every column given, ids included; `timestamps` fills createdAt and updatedAt (UTC, as Prisma
 * stores them).
 */
export async function bulkInsert(
  tx: Tx,
  table: string,
  columns: BulkColumn[],
  rows: Record<string, unknown>[],
  { timestamps, copy }: { timestamps: boolean; copy?: CopyIn | null },
): Promise<void> {
  if (!rows.length) return;
  const names = columns.map((c) => c.name);
  if (copy) {
    if (!timestamps) return copy(table, names, csvRecords(rows, names, []));
    const now = await transactionNow(tx);
    return copy(table, [...names, 'createdAt', 'updatedAt'], csvRecords(rows, names, [now, now]));
  }
  const targets = names.map(quote);
  const values = columns.map((c) => `v.${quote(c.name)}::${c.type}`);
  if (timestamps) {
    targets.push('"createdAt"', '"updatedAt"');
    values.push(DB_NOW, DB_NOW);
  }
  const sql = `INSERT INTO ${quote(table)} (${targets.join(', ')}) SELECT ${values.join(', ')} FROM ${fromArrays(names)}`;
  await run(tx, sql, rows, names);
}

/**
 * The rows of `table` whose référence externe is one of `refs`, in one statement with one JSON parameter: Prisma's
 * `in` sent 2,000 bind parameters per batch and cost more than the validation of the lines. A join, not
 * `= ANY (ARRAY(SELECT …))`: inside the import's transaction the table's statistics still say "empty" while it
 * fills, and a sequential scan testing each row against an array of 2,000 took 111 s instead of 10 on PostgreSQL; a
 * join stays linear whichever plan is chosen. Planned for its values each time (PLAN_EACH_TIME), never kept as a generic
 * plan made while the table was small (decision 047). Table and column names come from code, never from the file.
 */
export async function findByRefs<T extends { externalRef: string }>(
  tx: Tx,
  table: 'Tiers' | 'Property' | 'Lease',
  columns: string[],
  refs: string[],
): Promise<T[]> {
  if (!refs.length) return [];
  return tx.$queryRawUnsafe<T[]>(
    `SELECT ${PLAN_EACH_TIME} ${['externalRef', ...columns].map((c) => `t."${c}"`).join(', ')}
     FROM jsonb_array_elements_text($1::jsonb) AS r(ref) JOIN "${table}" AS t ON t."externalRef" = r.ref`,
    JSON.stringify(refs),
  );
}

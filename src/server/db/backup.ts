import 'server-only';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Engine, SqlConnection } from './engine';
import { migrate, readMigrations } from './migrate';

// The embedded database's backup (decision 009): every table's rows as JSON lines, read in one REPEATABLE READ
// transaction (a consistent snapshot while the app runs), gzipped. A restore replays the migrations the backup was
// made at, loads the rows, checks every table's count, then applies the newer migrations.

const FORMAT = 'trousseau-backup/1';
const BATCH = 500;

type Header = { format: string; createdAt: string; migrations: string[]; tables: string[] };
type Trailer = { end: true; counts: Record<string, number> };

export class BackupError extends Error {}

export async function writeBackup(conn: SqlConnection, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await conn.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const tables = (await conn.query<{ name: string }>(TABLES)).map((t) => t.name);
    const migrations = await conn.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const header: Header = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      migrations: migrations.map((m) => m.name),
      tables,
    };
    async function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        counts[table] = 0;
        await conn.exec(
          `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${ident(table)} t`,
        );
        for (;;) {
          const rows = await conn.query<{ r: string }>(`FETCH ${BATCH} FROM backup_rows`);
          if (!rows.length) break;
          counts[table] += rows.length;
          yield rows.map((row) => `${JSON.stringify(table)}\t${row.r}\n`).join('');
        }
        await conn.exec('CLOSE backup_rows');
      }
      yield `${JSON.stringify({ end: true, counts } satisfies Trailer)}\n`;
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
  } finally {
    await conn.exec('COMMIT');
  }
  return counts;
}

/** Reads a backup's header, so that a wrong file is refused before anything is touched. */
export async function readBackupHeader(file: string): Promise<Header> {
  for await (const line of backupLines(file)) {
    let header: Header | undefined;
    try {
      header = JSON.parse(line) as Header;
    } catch {}
    if (header?.format !== FORMAT)
      throw new BackupError(`${file} is not a Trousseau backup (made by npm run db:backup).`);
    const known = new Set(readMigrations().map((m) => m.name));
    const unknown = header.migrations.filter((m) => !known.has(m));
    if (unknown.length) {
      throw new BackupError(
        `${file} was made by a newer Trousseau (migration ${unknown[0]}): update this checkout first.`,
      );
    }
    return header;
  }
  throw new BackupError(`${file} is empty.`);
}

/** Loads a backup into an empty database; returns each table's row count. */
export async function restoreBackup(engine: Engine, file: string): Promise<Record<string, number>> {
  const header = await readBackupHeader(file);
  const atBackup = new Set(header.migrations);
  await migrate(
    engine,
    readMigrations().filter((m) => atBackup.has(m.name)),
  );
  const conn = await engine.connect();
  const counts: Record<string, number> = {};
  try {
    await conn.exec('BEGIN');
    // Rows go in table by table, so foreign keys are checked by the count below rather than row by row.
    await conn.exec("SET LOCAL session_replication_role = 'replica'");
    const columns = new Map<string, string>();
    for (const table of header.tables) {
      const names = await conn.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [table],
      );
      if (!names.length) throw new BackupError(`The backup has a table "${table}" that this schema does not.`);
      columns.set(table, names.map((c) => ident(c.name)).join(', '));
    }
    let batch: string[] = [];
    let batchTable = '';
    const flush = async () => {
      if (!batch.length) return;
      const cols = columns.get(batchTable)!;
      await conn.query(
        `INSERT INTO ${ident(batchTable)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${ident(batchTable)}, $1::json)`,
        [`[${batch.join(',')}]`],
      );
      counts[batchTable] = (counts[batchTable] ?? 0) + batch.length;
      batch = [];
    };
    let trailer: Trailer | null = null;
    let first = true;
    for await (const line of backupLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      const tab = line.indexOf('\t');
      if (tab < 0) {
        trailer = JSON.parse(line) as Trailer;
        break;
      }
      const table = JSON.parse(line.slice(0, tab)) as string;
      if (!columns.has(table)) throw new BackupError(`The backup names a table "${table}" its header does not list.`);
      if (table !== batchTable || batch.length >= BATCH) {
        await flush();
        batchTable = table;
      }
      batch.push(line.slice(tab + 1));
    }
    await flush();
    if (!trailer) throw new BackupError(`${file} is cut short (no end mark): it was not finished when copied.`);
    for (const table of header.tables) {
      if ((counts[table] ?? 0) !== trailer.counts[table]) {
        throw new BackupError(
          `Table ${table}: ${counts[table] ?? 0} rows read, the backup says ${trailer.counts[table]}.`,
        );
      }
    }
    await resetSequences(conn);
    await conn.exec('COMMIT');
  } catch (error) {
    await conn.exec('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await conn.release();
  }
  await migrate(engine); // the migrations newer than the backup
  return counts;
}

const TABLES = `SELECT tablename AS name FROM pg_tables
  WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;

async function resetSequences(conn: SqlConnection) {
  const owned = await conn.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
     FROM pg_depend d
     JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
     JOIN pg_class t ON t.oid = d.refobjid
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     JOIN pg_namespace n ON n.oid = s.relnamespace AND n.nspname = 'public'`,
  );
  for (const { seq, tbl, col } of owned) {
    await conn.query(`SELECT setval($1, COALESCE((SELECT max(${ident(col)}) FROM ${ident(tbl)}), 0) + 1, false)`, [
      ident(seq),
    ]);
  }
}

function backupLines(file: string) {
  const input = createReadStream(file).pipe(createGunzip());
  return createInterface({ input, crlfDelay: Infinity });
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Row counts and a checksum of every table, in a stable order: what a round trip must keep. */
export async function tableFingerprints(conn: SqlConnection): Promise<Record<string, { rows: number; md5: string }>> {
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of await conn.query<{ name: string }>(TABLES)) {
    const [row] = await conn.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5
       FROM ${ident(name)} t`,
    );
    result[name] = row;
  }
  return result;
}

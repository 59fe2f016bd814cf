import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Engine } from './engine';

// Applies prisma/migrations/*/migration.sql in order and records them in `_prisma_migrations` exactly as
// Prisma Migrate does, because Prisma's schema engine cannot run here (docs/decisions/002).

export const MIGRATIONS_DIR = path.resolve('prisma/migrations');
/** Any constant shared by every instance: pg_advisory_lock key for "migrations in progress". */
const LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Returns the names of the migrations it applied. Safe to call from several instances at once. */
export async function migrate(engine: Engine, migrations = readMigrations()): Promise<string[]> {
  const conn = await engine.connect();
  try {
    await conn.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await conn.exec(CREATE_MIGRATIONS_TABLE);
      const rows = await conn.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
      }>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
      );
      const applied = new Map(rows.map((r) => [r.migration_name, r]));
      const known = new Set(migrations.map((m) => m.name));

      for (const row of rows) {
        if (!row.finished_at) {
          throw new MigrationError(
            `Migration ${row.migration_name} started but did not finish. Inspect the database, then mark it rolled back ` +
              `(UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${row.migration_name}') before retrying.`,
          );
        }
        if (!known.has(row.migration_name)) {
          throw new MigrationError(
            `The database has migration ${row.migration_name}, which is not in prisma/migrations: is this checkout older than the database?`,
          );
        }
      }

      const done: string[] = [];
      for (const m of migrations) {
        const row = applied.get(m.name);
        if (row) {
          if (row.checksum !== m.checksum) {
            throw new MigrationError(
              `Migration ${m.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ` +
                `${m.checksum.slice(0, 12)}… on disk). Never edit an applied migration: restore it and add a new migration instead.`,
            );
          }
          continue;
        }
        await conn.exec('BEGIN');
        try {
          // Checked again inside the transaction: on the embedded server every connection shares one session, where
          // the advisory lock does not keep two migrators apart, but transactions never interleave (decision 009).
          const [already] = await conn.query(
            'SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL',
            [m.name],
          );
          if (already) {
            await conn.exec('COMMIT');
            continue;
          }
          const id = randomUUID();
          await conn.query(
            'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
            [id, m.checksum, m.name],
          );
          await conn.exec(m.sql);
          await conn.query(
            'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
            [id],
          );
          await conn.exec('COMMIT');
        } catch (error) {
          await conn.exec('ROLLBACK');
          throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${(error as Error).message}`);
        }
        done.push(m.name);
      }
      return done;
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  } finally {
    await conn.release();
  }
}

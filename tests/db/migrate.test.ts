import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getEngine } from '@/server/db';
import { migrate, MigrationError, readMigrations } from '@/server/db/migrate';

describe('migration runner', () => {
  it('records each migration as Prisma Migrate does (sha256 of the file, finished, one step)', async () => {
    const conn = await getEngine().connect();
    const rows = await conn.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      id: string;
    }>(
      'SELECT id, migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    await conn.release();
    const files = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(createHash('sha256').update(files[i].sql).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('applies nothing twice, even when several instances start together', async () => {
    const results = await Promise.all([migrate(getEngine()), migrate(getEngine()), migrate(getEngine())]);
    expect(results).toEqual([[], [], []]);
  });

  it('refuses a migration changed after it was applied, with a message that says what to do', async () => {
    const changed = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m));
    await expect(migrate(getEngine(), changed)).rejects.toThrow(MigrationError);
    await expect(migrate(getEngine(), changed)).rejects.toThrow(
      /was changed after it was applied.*add a new migration/,
    );
  });

  it('applies a new migration in a transaction, and rolls a failing one back completely', async () => {
    const base = readMigrations();
    const good = {
      name: '29990101000000_probe',
      sql: 'CREATE TABLE "Probe" ("id" INTEGER NOT NULL);',
      checksum: 'a'.repeat(64),
    };
    const bad = {
      name: '29990102000000_broken',
      sql: 'CREATE TABLE "Probe2" ("id" INTEGER);\nSELECT no_such_function();',
      checksum: 'b'.repeat(64),
    };
    expect(await migrate(getEngine(), [...base, good])).toEqual([good.name]);
    await expect(migrate(getEngine(), [...base, good, bad])).rejects.toThrow(
      /29990102000000_broken failed and was rolled back/,
    );
    const conn = await getEngine().connect();
    const tables = await conn.query<{ t: string | null }>(`SELECT to_regclass('"Probe2"')::text AS t`);
    const recorded = await conn.query('SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1', [bad.name]);
    await conn.exec(
      'DROP TABLE "Probe"; DELETE FROM "_prisma_migrations" WHERE migration_name = \'29990101000000_probe\'',
    );
    await conn.release();
    expect(tables[0].t).toBeNull();
    expect(recorded).toHaveLength(0);
  });
});

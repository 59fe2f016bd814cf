import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db, getEngine, query } from '@/server/db';

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe('plain SQL on the shared pool (query)', () => {
  it('reads timestamps as UTC, as Prisma stores and reads them, whatever the local time zone', async () => {
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: a local reading would be off by 14 hours
    const [row] = await query<{ at: Date; none: Date | null }>(
      `SELECT '2026-11-25 10:00:00.123'::timestamp(3) AS "at", NULL::timestamp(3) AS "none"`,
      [],
    );
    expect(row.at.toISOString()).toBe('2026-11-25T10:00:00.123Z');
    expect(row.none).toBeNull();
    // The same instant as Prisma: write with Prisma, read with query.
    const at = new Date('2026-03-29T01:30:00.000Z');
    await db.throttleBucket.create({ data: { key: 'tz-check', failures: 2, lockedUntil: at } });
    const [bucket] = await query<{ lockedUntil: Date; failures: number }>(
      `SELECT "lockedUntil", "failures" FROM "ThrottleBucket" WHERE "key" = $1`,
      ['tz-check'],
    );
    expect(bucket).toEqual({ lockedUntil: at, failures: 2 });
  });

  it('binds parameters and runs the same statement again with other values', async () => {
    for (const n of [1, 2, 3]) {
      const [row] = await query<{ doubled: number; text: string }>(
        `SELECT $1::int * 2 AS "doubled", $2::text AS "text"`,
        [n, `valeur ${n}`],
      );
      expect(row).toEqual({ doubled: n * 2, text: `valeur ${n}` });
    }
  });
});

describe.runIf(getEngine().kind === 'postgres')('a PostgreSQL connection lost while idle', () => {
  it('is reported, not thrown, and the next query gets a new connection', async () => {
    await query('SELECT 1', []); // at least one pooled connection, now idle
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const { rows } = await admin.query<{ terminated: number }>(
      'SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    await admin.end();
    const [{ terminated }] = rows;
    expect(terminated).toBeGreaterThan(0);
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[database\] an idle connection was closed/)),
    );
    warn.mockRestore();
    expect(await query<{ ok: number }>('SELECT 1 AS ok', [])).toEqual([{ ok: 1 }]);
    expect(await db.throttleBucket.count()).toBeGreaterThanOrEqual(0);
  });
});

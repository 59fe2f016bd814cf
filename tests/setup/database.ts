// Every test file gets its own freshly migrated database: a new PostgreSQL database on the server named by
// TEST_DATABASE_URL (or DATABASE_URL), created here and dropped after the file; else an in-memory PGlite.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { closeEngine, getEngine } from '@/server/db';
import { migrate } from '@/server/db/migrate';

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
let dropName: string | undefined;

process.env.AUTH_SECRET ??= randomBytes(32).toString('base64');
process.env.DATA_DIR ??= `.data/test-${process.pid}`;

if (serverUrl) {
  const name = `trousseau_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropName = name;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = 'memory://';
}

beforeAll(async () => {
  await migrate(getEngine());
});

// console.error in a test is a failure: each error path that logs must be expected explicitly (vi.spyOn).
let errorSpy: ReturnType<typeof vi.spyOn> | undefined;
beforeAll(() => {
  errorSpy = vi.spyOn(console, 'error');
});
afterEach(() => {
  const calls = errorSpy?.mock.calls ?? [];
  errorSpy?.mockClear();
  if (calls.length && !(globalThis as { __allowConsoleError?: boolean }).__allowConsoleError) {
    throw new Error(
      `console.error was called during the test:\n${calls.map((c: unknown[]) => c.map(String).join(' ')).join('\n')}`,
    );
  }
});

afterAll(async () => {
  await closeEngine();
  if (dropName && serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    // The pool's end() resolves before its connections' Terminate messages have reached the server; a forced drop
    // meanwhile would answer them with a FATAL error nobody listens to any more. Let them go first.
    for (let i = 0; i < 50; i++) {
      const { rows } = await admin.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [dropName],
      );
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS "${dropName}" WITH (FORCE)`);
    await admin.end();
  }
});

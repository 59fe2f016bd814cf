// The embedded database has one owner (decision 009). Real processes on real PGlite data directories: the database
// half of `npm start` (tests/fixtures/serve-embedded.ts, the same serveEmbedded as scripts/start.ts) and each CLI as
// an agency runs it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { tableFingerprints } from '@/server/db/backup';
import { withCopy } from '@/server/db/copy-in';
import { embeddedServer, openEngine } from '@/server/db/engine';
import { lockFileOf } from '@/server/db/embedded/owner-lock';

const root = mkdtempSync(path.join(tmpdir(), 'embedded-'));
const dataDir = path.join(root, 'pglite');
const env = { ...process.env, DATA_DIR: root, DATABASE_URL: '', PGLITE_DATA_DIR: '', TEST_DATABASE_URL: '' };
const owners = new Set<ChildProcess>();

function cli(script: string, args: string[] = [], input = '') {
  const run = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', `scripts/${script}.ts`, ...args],
    {
      input,
      env,
      encoding: 'utf8',
      timeout: 180_000,
    },
  );
  return { code: run.status, out: run.stdout + run.stderr };
}

/** Starts the owner and resolves once it serves, or with its output if it exits first. */
function startOwner(): Promise<{ child: ChildProcess; ready: boolean; out: () => string }> {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'tests/fixtures/serve-embedded.ts'],
    {
      env,
    },
  );
  owners.add(child);
  child.once('exit', () => owners.delete(child)); // only the living are stopped at the end
  let out = '';
  return new Promise((resolve) => {
    const take = (chunk: Buffer) => {
      out += chunk;
      if (out.includes('ready ')) resolve({ child, ready: true, out: () => out });
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    child.on('exit', () => resolve({ child, ready: false, out: () => out }));
  });
}

async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  child.kill(signal);
  const code = await exited;
  owners.delete(child);
  return code;
}

const owner = () => JSON.parse(readFileSync(lockFileOf(dataDir), 'utf8')) as { pid: number; socketDir: string };

async function inServedDatabase<T>(sql: string): Promise<T[]> {
  const client = new pg.Client(embeddedServer(owner().socketDir));
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

// A failed test leaves no owner behind for the next one.
afterEach(async () => {
  for (const child of owners) await stop(child, 'SIGKILL');
});

describe('one owner of the embedded data directory', () => {
  it('refuses a second owner while the first lives, and takes over the lock of one killed with kill -9', async () => {
    const first = await startOwner();
    expect(first.ready, first.out()).toBe(true);

    const second = await startOwner();
    expect(second.ready).toBe(false);
    expect(second.out()).toContain(`is served by npm start (pid ${first.child.pid}`);

    await stop(first.child, 'SIGKILL');
    expect(existsSync(lockFileOf(dataDir))).toBe(true); // left behind, as after a power cut

    const migrate = cli('db', ['migrate']);
    expect(migrate.out, migrate.out).toContain('Database schema is up to date.');
    expect(migrate.code).toBe(0);
    expect(existsSync(lockFileOf(dataDir))).toBe(false); // freed again when the command ended

    const again = await startOwner(); // and the app starts after it
    expect(again.ready, again.out()).toBe(true);
    expect(await stop(again.child), again.out()).toBe(0);
  }, 600_000);

  it('runs every command beside the running app in its database, or refuses before touching anything', async () => {
    const app = await startOwner();
    expect(app.ready, app.out()).toBe(true);

    const migrate = cli('db', ['migrate']);
    expect(migrate.out).toContain(`through npm start (pid ${app.child.pid})`);
    expect(migrate.code).toBe(0);

    const seeded = cli('db', ['seed']);
    expect(seeded.out, seeded.out).toContain('Seeded the demo agency');
    expect(await inServedDatabase('SELECT count(*)::int AS n FROM "Tiers"')).toEqual([{ n: 380 }]);
    const refused = cli('db', ['seed']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('seeding refused');

    const created = cli(
      'staff',
      ['create', '--email', 'claire@agence.fr', '--role', 'ADMIN'],
      'un-mot-de-passe-long\n',
    );
    expect(created.out, created.out).toContain('Created ADMIN claire@agence.fr');
    // the app sees it at once
    expect(await inServedDatabase(`SELECT email FROM "StaffUser" WHERE email = 'claire@agence.fr'`)).toHaveLength(1);

    const worker = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
      env,
    });
    let workerOut = '';
    await new Promise<void>((resolve) => {
      worker.stdout.on('data', (chunk) => (workerOut += chunk) && workerOut.includes('mail:') && resolve());
      worker.stderr.on('data', (chunk) => (workerOut += chunk));
      worker.on('exit', () => resolve());
    });
    expect(workerOut).toContain(`through npm start (pid ${app.child.pid})`);
    expect(await stop(worker)).toBe(0);

    const backup = cli('backup', ['backup', path.join(root, 'beside.backup')]);
    expect(backup.out, backup.out).toContain('Backed up');
    const restore = cli('backup', ['restore', path.join(root, 'beside.backup'), '--yes']);
    expect(restore.code).toBe(1);
    expect(restore.out).toContain('is served by npm start');

    expect(owner().pid).toBe(app.child.pid); // nobody else took the directory meanwhile
    expect(await stop(app.child)).toBe(0);
    expect(existsSync(lockFileOf(dataDir))).toBe(false);

    // Everything the commands did is in the directory, which opens cleanly after a normal stop.
    const engine = openEngine({ kind: 'pglite', dataDir });
    try {
      expect(await engine.prisma.staffUser.count()).toBe(4); // claire + the demo agency's three
      expect(await engine.prisma.tiers.count()).toBe(380);
    } finally {
      await engine.close();
    }
  }, 900_000);

  it('backs up while the app runs and restores into the stopped app, every table equal', async () => {
    const app = await startOwner();
    expect(app.ready, app.out()).toBe(true);
    const live = openEngine({ kind: 'pglite', dataDir }); // reaches the app's database through its socket
    // The import COPYs through the socket too (the wire server holds a COPY's data for PGlite, decision 047).
    const copied = await withCopy((copy) =>
      live.prisma
        .$transaction(async (tx) => {
          await copy()!(
            'Tiers',
            ['id', 'kind', 'lastName', 'sortName', 'createdAt', 'updatedAt'],
            ['copy-1,LOCATAIRE,Copie,copie,2026-12-07 00:00:00,2026-12-07 00:00:00'],
          );
          throw Object.assign(new Error('roll back'), { seen: await tx.tiers.count({ where: { id: 'copy-1' } }) });
        })
        .catch((error: { seen?: number }) => error.seen),
    );
    expect(copied).toBe(1);
    const conn = await live.connect();
    const before = await tableFingerprints(conn);
    await conn.release();
    await live.close();
    expect(before.Tiers.rows).toBe(380);

    const file = path.join(root, 'round-trip.backup');
    expect(cli('backup', ['backup', file]).code).toBe(0);
    await stop(app.child);

    const unconfirmed = cli('backup', ['restore', file]); // no terminal, no --yes
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.out).toContain('--yes');
    expect(readdirSync(root).some((f) => f.includes('before-restore'))).toBe(false);

    const restored = cli('backup', ['restore', file, '--yes']);
    expect(restored.out, restored.out).toContain('Restored');
    expect(readdirSync(root).some((f) => f.startsWith('pglite.before-restore-'))).toBe(true);

    const engine = openEngine({ kind: 'pglite', dataDir });
    try {
      const c = await engine.connect();
      expect(await tableFingerprints(c)).toEqual(before);
      await c.release();
    } finally {
      await engine.close();
    }
  }, 900_000);
});

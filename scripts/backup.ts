// npm run db:backup [file]            a consistent backup, also while the app runs
// npm run db:restore file [-- --yes]  into a stopped app's embedded database; the previous one is kept aside
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { BackupError, readBackupHeader, restoreBackup, writeBackup } from '@/server/db/backup';
import { openEngine } from '@/server/db/engine';
import { DatabaseBusyError, readLiveOwner, takeOwnerLock } from '@/server/db/embedded/owner-lock';
import { runCli } from './cli';

const [command, ...args] = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

// The engine is taken only when used (`cli.engine`): a restore must not open the database it replaces.
await runCli(async (cli) => {
  const { config } = cli;
  if (command === 'backup') {
    const target = path.resolve(file ?? path.join(config.dataDir, 'backups', `trousseau-${stamp}.backup`));
    mkdirSync(path.dirname(target), { recursive: true });
    if (config.database.kind === 'postgres') return pgDump(config.database.url, target);
    const conn = await cli.engine.connect();
    try {
      const counts = await writeBackup(conn, target);
      console.log(
        `Backed up ${total(counts)} rows of ${Object.keys(counts).length} tables to ${target} (${size(target)}).`,
      );
      console.log('Keep a copy on another disk or machine: a backup beside the data it saves is lost with it.');
    } finally {
      await conn.release();
    }
    return;
  }
  if (command !== 'restore') throw new Error(`Unknown command "${command}": use backup or restore.`);
  if (!file) throw new Error('Give the backup to restore: npm run db:restore -- <file> [--yes]');
  if (config.database.kind === 'postgres') {
    throw new Error(
      `On a PostgreSQL server, restore a pg_dump backup with pg_restore, the app stopped: ` +
        `pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${file}`,
    );
  }
  const dataDir = config.database.dataDir;
  const header = await readBackupHeader(path.resolve(file));
  const owner = readLiveOwner(dataDir);
  if (owner) throw new DatabaseBusyError(owner, dataDir);
  console.log(
    `Backup of ${header.createdAt} (${header.tables.length} tables, ${header.migrations.length} migrations).`,
  );
  if (!(await confirmed(dataDir))) throw new Error('Nothing was changed (restore not confirmed).');
  // Held for the whole restore, so that `npm start` cannot open the directory while it is being replaced.
  const lock = takeOwnerLock(dataDir, 'npm run db:restore');
  try {
    const fresh = `${dataDir}.restoring-${stamp}`;
    const target = openEngine({ kind: 'pglite', dataDir: fresh });
    let counts: Record<string, number>;
    try {
      counts = await restoreBackup(target, path.resolve(file));
    } finally {
      await target.close();
    }
    const aside = `${dataDir}.before-restore-${stamp}`;
    if (existsSync(dataDir)) renameSync(dataDir, aside);
    renameSync(fresh, dataDir);
    console.log(`Restored ${total(counts)} rows into ${dataDir}.`);
    if (existsSync(aside)) console.log(`The previous database is kept in ${aside}: delete it once all is well.`);
  } finally {
    lock.release();
  }
});

function pgDump(url: string, target: string) {
  const run = spawnSync('pg_dump', ['--format=custom', `--file=${target}`, `--dbname=${url}`], { stdio: 'inherit' });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new BackupError(
      "pg_dump is not installed here: install the PostgreSQL client of the server's major version " +
        "(Debian: apt-get install postgresql-client), or use your provider's backups.",
    );
  }
  if (run.status !== 0) throw new BackupError('pg_dump failed (see above); nothing was written.');
  console.log(`Backed up the PostgreSQL database to ${target} (${size(target)}); restore it with pg_restore.`);
}

async function confirmed(dataDir: string): Promise<boolean> {
  if (args.includes('--yes')) return true;
  if (!process.stdin.isTTY) {
    throw new Error('Restoring replaces the database: run it in a terminal to confirm, or add -- --yes.');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`Replace the database in ${dataDir}? The current one is kept aside. Type "yes": `);
  rl.close();
  return answer.trim().toLowerCase() === 'yes';
}

function size(f: string) {
  return `${(statSync(f).size / 1024).toFixed(0)} KiB`;
}

function total(counts: Record<string, number>) {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

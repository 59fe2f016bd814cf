// Shared by the command-line scripts: configuration, database and friendly failures.
import { ConfigError, getConfig, type Config } from '@/server/config';
import { closeEngine, getEngine } from '@/server/db';
import type { Engine } from '@/server/db/engine';
import { MigrationError } from '@/server/db/migrate';
import { BackupError } from '@/server/db/backup';
import { DatabaseBusyError, readLiveOwner } from '@/server/db/embedded/owner-lock';

export function describeDatabase(config: Config): string {
  if (config.database.kind === 'pglite') {
    const owner = readLiveOwner(config.database.dataDir);
    const through =
      owner?.socketDir && owner.pid !== process.pid ? `, through ${owner.command} (pid ${owner.pid})` : '';
    return `embedded PostgreSQL (PGlite) in ${config.database.dataDir}${through}`;
  }
  const url = new URL(config.database.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** Runs `main` with the configuration and an engine, and turns known failures into one clear line. */
export async function runCli(main: (ctx: { config: Config; engine: Engine }) => Promise<void>): Promise<void> {
  let failed = false;
  try {
    const config = getConfig();
    // Opened when first read: a command that must not open the database (a restore) never reads it.
    await main({
      config,
      get engine() {
        return getEngine();
      },
    });
  } catch (error) {
    console.error(`\n✖ ${explain(error)}`);
    failed = true;
  } finally {
    await closeEngine().catch(() => {});
  }
  // Set after closing: PGlite's WASM runtime resets process.exitCode when it shuts down.
  if (failed) process.exitCode = 1;
}

export function explain(error: unknown): string {
  if (
    error instanceof ConfigError ||
    error instanceof MigrationError ||
    error instanceof DatabaseBusyError ||
    error instanceof BackupError
  ) {
    return error.message;
  }
  const e = error as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'ETIMEDOUT') {
    return `Cannot reach the database (${e.code}). Is PostgreSQL running, and is DATABASE_URL right?`;
  }
  if (e.code === '3D000') return `${e.message}. Create it first (createdb), or fix DATABASE_URL.`;
  if (e.code === '28P01' || e.code === '28000')
    return `The database refused the credentials in DATABASE_URL (${e.message}).`;
  if (process.env.DEBUG) return (error as Error)?.stack ?? String(error);
  return `${(error as Error)?.message ?? String(error)}  (set DEBUG=1 to see the stack)`;
}

// Serves the built app for Playwright on a fresh database: a new `trousseau_e2e_<port>` database on the PostgreSQL
// server when TEST_DATABASE_URL / DATABASE_URL is set, else a new embedded one in .data/e2e-<port>.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import pg from 'pg';

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const port = process.env.E2E_PORT ?? '3100';
const database = `trousseau_e2e_${port}`;
const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, DATA_DIR: `.data/e2e-${port}` };
rmSync(env.DATA_DIR!, { recursive: true, force: true });

if (serverUrl) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  env.DATABASE_URL = url.toString();
  env.AUTH_SECRET ??= 'e2e-secret-e2e-secret-e2e-secret-e2e-secret';
} else {
  delete env.DATABASE_URL;
}

const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts', '--seed-if-empty'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

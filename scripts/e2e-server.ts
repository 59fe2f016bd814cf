// Serves the built app for Playwright on a fresh database: a new `trousseau_e2e` database on the PostgreSQL
// server when TEST_DATABASE_URL / DATABASE_URL is set, else a new embedded one in .data/e2e.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import pg from 'pg';

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const env: NodeJS.ProcessEnv = { ...process.env, PORT: process.env.E2E_PORT ?? '3100', DATA_DIR: '.data/e2e' };
rmSync('.data/e2e', { recursive: true, force: true });

if (serverUrl) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS trousseau_e2e WITH (FORCE)');
  await admin.query('CREATE DATABASE trousseau_e2e');
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = '/trousseau_e2e';
  env.DATABASE_URL = url.toString();
  env.AUTH_SECRET ??= 'e2e-secret-e2e-secret-e2e-secret-e2e-secret';
} else {
  delete env.DATABASE_URL;
}

const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts', '--seed-if-empty'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

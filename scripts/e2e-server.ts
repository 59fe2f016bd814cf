// Serves the built app for Playwright on a fresh database: a new `trousseau_e2e_<port>` database on the PostgreSQL
// server when TEST_DATABASE_URL / DATABASE_URL is set, else a new embedded one in .data/e2e-<port>.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const port = process.env.E2E_PORT ?? '3100';
const database = `trousseau_e2e_${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  DATA_DIR: `.data/e2e-${port}`,
  // The relay's events for e2e/rejet.spec.ts (Mailjet checks no source range by default).
  MAILJET_WEBHOOK_SECRET: 'e2e-mailjet-webhook-secret-0123456789',
};
rmSync(env.DATA_DIR!, { recursive: true, force: true });

// A real SMTP peer for the app's dispatcher: every mail it accepts lands in <DATA_DIR>/smtp-received/*.eml,
// where specs read what was really sent (e2e/helpers: receivedMails).
const received = path.join(env.DATA_DIR!, 'smtp-received');
mkdirSync(received, { recursive: true });
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      writeFileSync(path.join(received, `${Date.now()}-${randomUUID()}.eml`), Buffer.concat(chunks));
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

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

const child = spawn(
  process.execPath,
  ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts', '--seed-if-empty'],
  { stdio: 'inherit', env },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

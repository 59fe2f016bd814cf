// npm start: build if the sources changed, take the embedded database and serve it (or reach the PostgreSQL server),
// migrate, seed an empty embedded database, print the demo logins, then serve the app with `next start`.
// Ctrl+C, SIGTERM, SIGHUP, or npm going away stop the server first, then the database, cleanly (decision 009).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { verifyPassword } from '@/server/auth/password';
import { getConfig, type Config } from '@/server/config';
import { closeEngine, getEngine } from '@/server/db';
import type { Engine } from '@/server/db/engine';
import { serveEmbedded, type ServedDatabase } from '@/server/db/embedded/serve-embedded';
import { migrate } from '@/server/db/migrate';
import { nextServerEnv } from '@/server/runtime/next-server-env';
import { DEMO_STAFF, isDatabaseEmpty, seedDemo } from '@/server/seed/seed-demo';
import { build, isBuildCurrent } from './build';
import { describeDatabase, explain } from './cli';

let served: ServedDatabase | null = null;
let server: ChildProcess | null = null;
let stopping: Promise<never> | null = null;

function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    // A set-up still running (a first seed) may hold the database a while; never hang on the way out.
    setTimeout(() => {
      console.error('✖ The database did not close within 30 s; it will recover at the next start.');
      process.exit(code || 1);
    }, 30_000).unref();
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (served) {
      await served.close();
      console.log('Database closed.');
    } else {
      await closeEngine().catch(() => {});
    }
    process.exit(code);
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
// npm killed (even by SIGKILL): this process is handed to another parent; stop as if asked.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && void stop(0), 1000).unref();

function serve(config: Config) {
  console.log(`\nTrousseau is starting on http://localhost:${config.port}\n`);
  server = spawn(
    process.execPath,
    [
      '--require',
      './scripts/exit-with-parent.cjs',
      'node_modules/next/dist/bin/next',
      'start',
      '-p',
      String(config.port),
    ],
    // The generated secret must reach the server process too (it reads the same file, this keeps it explicit).
    {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: nextServerEnv({ ...process.env, AUTH_SECRET: config.authSecret }),
    },
  );
  server.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`\n✖ The web server stopped (${signal ?? `exit code ${code}`}); closing the database.`);
    void stop(code || 1);
  });
}

async function prepare(config: Config, engine: Engine) {
  const applied = await migrate(engine);
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
  // An empty embedded database gets the demo agency; a server database only when asked (--seed-if-empty).
  const seedIfEmpty = config.database.kind === 'pglite' || process.argv.includes('--seed-if-empty');
  if (seedIfEmpty && (await isDatabaseEmpty(engine.prisma))) {
    const counts = await seedDemo(engine.prisma);
    console.log(
      `First start: seeded the demo agency (${counts.locataires} locataires, ${counts.proprietaires} propriétaires, ${counts.baux} baux).`,
    );
  }
  const demo = [];
  for (const s of DEMO_STAFF) {
    const row = await engine.prisma.staffPassword.findFirst({
      where: { user: { email: s.email, disabledAt: null } },
      select: { hash: true },
    });
    if (row && (await verifyPassword(row.hash, s.password)).valid) demo.push(s);
  }
  if (demo.length) {
    console.log(`\nDemo back-office accounts (${config.appUrl}/gestion/connexion):`);
    for (const s of demo) console.log(`  ${s.role.padEnd(12)} ${s.email.padEnd(26)} ${s.password}`);
  }
  if (!config.smtpUrl) {
    console.log(`\nNo SMTP_URL: mails are written to ${config.dataDir}/mailbox/*.eml and do not leave this machine.`);
  }
}

/** Fails now, in one line, rather than after the build and the set-up when `next start` cannot listen. */
async function checkPortFree(port: number) {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer()
      .once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            error.code === 'EADDRINUSE'
              ? `Port ${port} is already in use (another npm start?): stop that program, or choose another PORT.`
              : `Cannot listen on port ${port}: ${error.message}`,
          ),
        ),
      )
      .listen(port, () => probe.close(() => resolve()));
  });
}

try {
  const config = getConfig();
  await checkPortFree(config.port);
  if (!isBuildCurrent()) {
    console.log('The sources changed since the last build (or there is none): building…');
    if (!build()) throw new Error('The build failed (see above).');
  }
  console.log(`Database: ${describeDatabase(config)}`);
  if (config.database.kind === 'pglite' && !config.database.dataDir.includes('://')) {
    // The server starts at once: its connections wait at the socket until the database is migrated and open.
    served = await serveEmbedded(config.database.dataDir, { command: 'npm start', appUrl: config.appUrl });
    serve(config);
    await prepare(config, served.engine);
    served.open();
  } else {
    await prepare(config, getEngine());
    await closeEngine();
    serve(config);
  }
} catch (error) {
  console.error(`\n✖ ${explain(error)}`);
  await stop(1);
}

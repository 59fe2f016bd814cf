// npm start's supervisor (run by scripts/start.mjs once the build is current, bundled by the build): take the embedded
// database and serve it (or reach the PostgreSQL server), migrate, seed an empty embedded database, print the demo
// logins, and serve the app with `next start`.
// Ctrl+C, SIGTERM, SIGHUP, or npm going away stop the server first, then the database, cleanly (decision 009).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { getConfig, type Config } from '@/server/config';
import { serveEmbedded, type ServedDatabase } from '@/server/db/embedded/serve-embedded';
import { nextServerEnv } from '@/server/runtime/next-server-env';

// Only what is needed to reach `next start` is imported up front: the Prisma client, the seed and PGlite itself load
// while the web server boots (scripts/prepare-database.ts), which is most of a warm start (bench/start.ts).

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

/**
 * Resolves once `next start` has rendered the sign-in page (which needs no database), so that the first person to
 * open it does not wait behind PGlite's WASM compilation; after 10 s the database loads anyway.
 */
async function untilAnswering(port: number) {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const answer = await fetch(`http://localhost:${port}/gestion/connexion`, { method: 'HEAD' }).catch(() => null);
    if (answer?.ok) return;
  }
}

/** Fails now, in one line, rather than after the set-up when `next start` cannot listen. */
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
  if (config.database.kind === 'pglite' && !config.database.dataDir.includes('://')) {
    // The web server starts first and its pages that need no database answer at once; PGlite, Prisma and the set-up
    // load once it has rendered the sign-in page, rather than compete with its boot for the cores. Its connections wait at the socket
    // until the database is migrated and open.
    let answering!: () => void;
    const loadWhen = new Promise<void>((resolve) => (answering = resolve));
    served = await serveEmbedded(config.database.dataDir, {
      command: 'npm start',
      appUrl: config.appUrl,
      loadWhen,
    });
    serve(config);
    await untilAnswering(config.port);
    answering();
    const { describeDatabase, prepareDatabase } = await import('./prepare-database');
    console.log(`Database: ${describeDatabase(config)}`);
    await prepareDatabase(config, await served.lite);
    served.open();
  } else {
    const { describeDatabase, prepareDatabase } = await import('./prepare-database');
    console.log(`Database: ${describeDatabase(config)}`);
    await prepareDatabase(config, null);
    serve(config);
  }
} catch (error) {
  const { explain } = await import('./cli');
  console.error(`\n✖ ${explain(error)}`);
  await stop(1);
}

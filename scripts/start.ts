// npm start: check the configuration, migrate, seed an empty embedded database, print the demo logins,
// then serve the built app with `next start`. The same steps on PostgreSQL, without the automatic seed.
import { spawn } from 'node:child_process';
import { verifyPassword } from '@/server/auth/password';
import { migrate } from '@/server/db/migrate';
import { nextServerEnv } from '@/server/runtime/next-server-env';
import { DEMO_STAFF, isDatabaseEmpty, seedDemo } from '@/server/seed/seed-demo';
import { describeDatabase, runCli } from './cli';

let port = 3000;
let ready = false;

await runCli(async ({ config, engine }) => {
  port = config.port;
  console.log(`Database: ${describeDatabase(config)}`);
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
  if (!config.smtpUrl)
    console.log(`\nNo SMTP_URL: mails are written to ${config.dataDir}/mailbox/*.eml and do not leave this machine.`);
  // The generated secret must reach the server process too (it reads the same file, this keeps it explicit).
  process.env.AUTH_SECRET = config.authSecret;
  ready = true;
});

if (ready) {
  console.log(`\nTrousseau is starting on http://localhost:${port}\n`);
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    stdio: 'inherit',
    env: nextServerEnv(),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

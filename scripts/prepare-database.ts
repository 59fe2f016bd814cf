// The set-up of npm start (scripts/start.ts), loaded once the web server is starting: migrate, seed an empty
// embedded database, print the demo logins that still work.
import type { PGlite } from '@electric-sql/pglite';
import { verifyPassword } from '@/server/session/password';
import type { Config } from '@/server/config';
import { closeEngine, getEngine } from '@/server/db';
import { openPGlite, type Engine } from '@/server/db/engine';
import { migrate } from '@/server/db/migrate';
import { DEMO_STAFF, isDatabaseEmpty, seedDemo } from '@/server/seed/seed-demo';
import { describeDatabase } from './cli';

export { describeDatabase };

/** On the embedded database, `lite` is npm start's own; on PostgreSQL, the server of DATABASE_URL. */
export async function prepareDatabase(config: Config, lite: PGlite | null) {
  const engine = lite ? openPGlite(lite) : getEngine();
  try {
    await prepare(config, engine);
  } finally {
    if (lite) await engine.prisma.$disconnect();
    else await closeEngine();
  }
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

// npm run db:migrate | npm run db:seed [-- --reset]
import { DEMO_STAFF, eraseAllData, seedDemo } from '@/server/seed/seed-demo';
import { migrate } from '@/server/db/migrate';
import { describeDatabase, runCli } from './cli';

const [command, ...flags] = process.argv.slice(2);

await runCli(async ({ config, engine }) => {
  console.log(`Database: ${describeDatabase(config)}`);
  const applied = await migrate(engine);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database schema is up to date.',
  );
  if (command === 'migrate') return;
  if (command !== 'seed') throw new Error(`Unknown command "${command}": use migrate or seed.`);
  if (flags.includes('--reset')) {
    await eraseAllData(engine.prisma);
    console.log('Erased every record (--reset).');
  }
  const counts = await seedDemo(engine.prisma);
  console.log(
    `Seeded the demo agency: ${counts.locataires} locataires, ${counts.proprietaires} propriétaires, ${counts.biens} biens, ${counts.baux} baux.`,
  );
  printDemoLogins();
});

export function printDemoLogins() {
  console.log('\nDemo back-office accounts (http://localhost:3000/gestion/connexion):');
  for (const s of DEMO_STAFF) console.log(`  ${s.role.padEnd(12)} ${s.email.padEnd(26)} ${s.password}`);
}

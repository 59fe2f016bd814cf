// CSV import benchmark: 10,000-line files of tiers, biens and baux, dry run then import, on the embedded engine
// (PGlite, on disk as in a local install) and on PostgreSQL (database bench_import, created afresh).
//   npx tsx --conditions=react-server bench/import.ts            both engines, one child process each
//   BENCH_LINES=2000 npx tsx --conditions=react-server bench/import.ts
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const LINES = Number(process.env.BENCH_LINES ?? 10_000);
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

if (!process.env.BENCH_CHILD) {
  console.log(`CSV import benchmark, ${LINES} lines per file, ${os.cpus().length} CPU(s), Node ${process.version}\n`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const common = { ...process.env, BENCH_CHILD: '1', AUTH_SECRET: randomBytes(32).toString('base64'), DATA_DIR: dir };
  const run = (label: string, env: NodeJS.ProcessEnv) => {
    console.log(`── ${label}`);
    const child = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', process.argv[1]], {
      stdio: 'inherit',
      env,
    });
    if (child.status !== 0) process.exitCode = 1;
  };
  const withoutUrl: NodeJS.ProcessEnv = { ...common };
  delete withoutUrl.DATABASE_URL;
  run('PGlite (embedded, on disk)', { ...withoutUrl, PGLITE_DATA_DIR: path.join(dir, 'pglite') });
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS bench_import WITH (FORCE)');
  await admin.query('CREATE DATABASE bench_import');
  await admin.end();
  const url = new URL(POSTGRES);
  url.pathname = '/bench_import';
  run('PostgreSQL (database bench_import)', { ...common, DATABASE_URL: url.toString() });
  rmSync(dir, { recursive: true, force: true });
} else {
  const { closeEngine, db, getEngine } = await import('@/server/db');
  const { migrate } = await import('@/server/db/migrate');
  const { IMPORT_COLUMNS } = await import('@/server/import/columns');
  const { encodeWindows1252 } = await import('@/server/import/decode');
  // The use cases themselves: the action wrapper adds only the permission check and zod parsing.
  const { dryRunImport, runImport } = await import('@/server/import/run-import');

  await migrate(getEngine());
  const staff = await db.staffUser.create({
    data: { email: 'bench@agence.fr', name: 'Bench', role: 'ADMIN' },
    select: { id: true },
  });

  const csv = (kind: 'tiers' | 'biens' | 'baux', rows: string[][]) =>
    new File(
      [
        new Uint8Array(
          encodeWindows1252([IMPORT_COLUMNS[kind].map(([h]) => h), ...rows].map((r) => r.join(';')).join('\r\n')),
        ),
      ],
      `${kind}.csv`,
    );
  const owners = Math.ceil(LINES / 10);
  const tiersRows = (suffix: string) =>
    Array.from({ length: LINES }, (_, i) => {
      const owner = i < owners;
      return [
        owner ? 'Propriétaire' : 'Locataire',
        `${owner ? 'P' : 'L'}-${i}`,
        i % 2 ? 'M.' : 'Mme',
        `Lefèvre${i}`,
        'Hélène',
        '',
        `personne.${i}${suffix}@exemple.fr`,
        '06 12 34 56 78',
        `${i} rue de l'Église`,
        '69003',
        'Lyon',
      ];
    });
  const biensRows = Array.from({ length: LINES }, (_, i) => [
    `B-${i}`,
    `P-${i % owners}`,
    'Appartement',
    `${i} cours Lafayette`,
    '69003',
    'Lyon',
    `Lot ${i}`,
    '45,50',
  ]);
  const bauxRows = Array.from({ length: LINES }, (_, i) => [
    `BA-${i}`,
    `B-${i}`,
    `L-${owners + (i % (LINES - owners))}`,
    '01/09/2024',
    '',
    '1 234,56',
    '80,00',
    '1 234,56',
  ]);

  const time = async (label: string, fn: () => Promise<unknown>) => {
    const start = performance.now();
    await fn();
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `  ${label.padEnd(38)} ${seconds.toFixed(2).padStart(7)} s   ${Math.round(LINES / seconds)
        .toString()
        .padStart(6)} lines/s`,
    );
    return seconds;
  };
  const dry = (kind: 'tiers' | 'biens' | 'baux', file: File) => dryRunImport({ kind, file });
  const run = (kind: 'tiers' | 'biens' | 'baux', file: File) =>
    runImport({ kind, file }, staff.id, { type: 'STAFF', staffId: staff.id, ip: null });

  const results: Record<string, number> = {};
  results.dryTiers = await time('dry run, tiers (all new)', () => dry('tiers', csv('tiers', tiersRows(''))));
  results.tiers = await time('import, tiers (creations)', () => run('tiers', csv('tiers', tiersRows(''))));
  results.retiers = await time('re-import, tiers (updates, new e-mails)', () =>
    run('tiers', csv('tiers', tiersRows('.v2'))),
  );
  results.biens = await time('import, biens (creations)', () => run('biens', csv('biens', biensRows)));
  results.baux = await time('import, baux (creations)', () => run('baux', csv('baux', bauxRows)));
  results.rebaux = await time('re-import, baux (updates)', () => run('baux', csv('baux', bauxRows)));
  const worst = Math.max(...Object.values(results));
  console.log(
    `  slowest step: ${worst.toFixed(2)} s for ${LINES} lines (${worst < 60 ? 'under' : 'OVER'} the 60 s target, ratio ${(worst / 60).toFixed(2)})`,
  );
  console.log(
    `  rows: ${await db.tiers.count()} tiers, ${await db.property.count()} biens, ${await db.lease.count()} baux, ${await db.auditEvent.count({ where: { type: 'tiers.email_changed' } })} e-mail change events\n`,
  );
  await closeEngine();
}

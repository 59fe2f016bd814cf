// CSV import benchmark: 100,000-line files of tiers, biens and baux (each under the 10 MB limit), dry run then
// import, on the embedded engine (PGlite, on disk as in a local install) and on PostgreSQL (a database created afresh
// for the run). Each step prints its time and the process's RSS growth (peak during the step, sampled every
// 20 ms, minus RSS before it). The reference: a bare COPY of the same tiers rows into "Tiers" of a freshly migrated
// database of the same engine, in the same process (targets: RSS growth < 200 MiB, tiers import ≤ 2 × COPY).
//   npx tsx --conditions=react-server bench/import.ts            each engine, one child process each
//   BENCH_LINES=2000 npx tsx --conditions=react-server bench/import.ts
//   BENCH_TIERS_ONLY=1 npx tsx --conditions=react-server bench/import.ts   COPY, dry run and tiers creations only
//   BENCH_ROUNDS=5 …   rounds of COPY / dry run / import, alternating (default 3); BENCH_ENGINE=pglite|served|postgres:
//   one (served: PGlite in an owner process of its own, reached through its socket as the app reaches it under npm start)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

if (!process.env.BENCH_CHILD) {
  console.log(`CSV import benchmark, ${LINES} lines per file, ${os.cpus().length} CPU(s), Node ${process.version}\n`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  // The child runs the import as the web server would: with npm start's environment for `next start` (its heap cap).
  const { nextServerEnv } = await import('@/server/runtime/next-server-env');
  const common = nextServerEnv({
    ...process.env,
    BENCH_CHILD: '1',
    AUTH_SECRET: randomBytes(32).toString('base64'),
    DATA_DIR: dir,
  });
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
  const engines = process.env.BENCH_ENGINE ? [process.env.BENCH_ENGINE] : ['pglite', 'served', 'postgres'];
  if (engines.includes('pglite'))
    run('PGlite (embedded, on disk)', { ...withoutUrl, PGLITE_DATA_DIR: path.join(dir, 'pglite') });
  if (engines.includes('served')) {
    // As on a local install: npm start's owner process holds PGlite and serves it on its socket; the import runs in
    // another process (the web server's, here the child) and reaches it through the wire server. The COPY reference
    // stays a COPY into an in-process PGlite, the fastest there is.
    const env = { ...withoutUrl, PGLITE_DATA_DIR: path.join(dir, 'served') };
    const owner = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'tests/fixtures/serve-embedded.ts'],
      {
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const ready = await new Promise<boolean>((resolve) => {
      let out = '';
      owner.stdout.on('data', (chunk: Buffer) => (out += chunk) && out.includes('ready ') && resolve(true));
      owner.once('exit', () => resolve(false));
    });
    if (ready) run("PGlite served by npm start's owner process (the app's path on a local install)", env);
    else process.exitCode = 1;
    const closed = new Promise((resolve) => owner.once('exit', resolve));
    owner.kill('SIGTERM');
    await closed;
  }
  if (engines.includes('postgres')) {
    // Names of this run's own (several people may run the benchmark on one server), dropped at the end.
    const names = [`bench_import_${process.pid}`, `bench_import_copy_${process.pid}`];
    const admin = new pg.Client({ connectionString: POSTGRES });
    await admin.connect();
    for (const name of names) await admin.query(`CREATE DATABASE ${name}`);
    const [url, copyUrl] = names.map((name) => {
      const u = new URL(POSTGRES);
      u.pathname = `/${name}`;
      return u.toString();
    });
    run(`PostgreSQL (database ${names[0]})`, { ...common, DATABASE_URL: url, BENCH_COPY_URL: copyUrl });
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
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
        `p.${i}${suffix}@exemple.fr`,
        '0612345678',
        `${i} rue d'Alès`,
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

  const MiB = 1024 * 1024;
  let worstGrowth = 0;
  /** Time and RSS growth of one step: the peak RSS while it runs (sampled every 20 ms) minus RSS before it. */
  const time = async (label: string, fn: () => Promise<unknown>) => {
    const before = process.memoryUsage();
    let peak = before;
    const sample = () => {
      const now = process.memoryUsage();
      if (now.rss > peak.rss) peak = now;
    };
    const sampler = setInterval(sample, 20);
    const start = performance.now();
    await fn();
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    sample();
    const growth = (peak.rss - before.rss) / MiB;
    // At the peak, how much of the growth is V8's heap (garbage not yet collected counts) and how much is outside it.
    const heap = (peak.heapTotal - before.heapTotal) / MiB;
    worstGrowth = Math.max(worstGrowth, growth);
    console.log(
      `  ${label.padEnd(38)} ${seconds.toFixed(2).padStart(7)} s   ${Math.round(LINES / seconds)
        .toString()
        .padStart(
          6,
        )} lines/s   RSS +${growth.toFixed(0).padStart(4)} MiB (heap ${heap >= 0 ? '+' : ''}${heap.toFixed(0)})`,
    );
    return seconds;
  };

  /** The reference: the same tiers rows, as the import stores them, COPYed into a freshly migrated database. */
  const { sortNameOf } = await import('@/shared/tiers/names');
  const copyRows = () => {
    const now = new Date().toISOString();
    const q = (v: string) => (v === '' ? '' : `"${v.replace(/"/g, '""')}"`);
    return tiersRows('')
      .map(([type, ref, civility, lastName, firstName, , email, phone, address, postalCode, city]) =>
        [
          `t${ref}`,
          type === 'Propriétaire' ? 'PROPRIETAIRE' : 'LOCATAIRE',
          civility,
          lastName,
          firstName,
          sortNameOf({ lastName, firstName, companyName: null }),
          email,
          phone,
          address,
          postalCode,
          city,
          ref,
          now,
          now,
        ]
          .map(q)
          .join(','),
      )
      .join('\n');
  };
  const COPY_COLUMNS =
    '"id","kind","civility","lastName","firstName","sortName","email","phone","addressLine","postalCode","city","externalRef","createdAt","updatedAt"';
  /** The reference, ready to run again: a freshly migrated database of the same engine; each run empties "Tiers". */
  const openCopy = async (): Promise<{ copy: () => Promise<unknown>; close: () => Promise<void> }> => {
    const csvText = copyRows();
    const { openEngine } = await import('@/server/db/engine');
    const copyUrl = process.env.BENCH_COPY_URL;
    const copyDir = `${process.env.PGLITE_DATA_DIR}-copy`;
    const target = copyUrl
      ? { kind: 'postgres' as const, url: copyUrl }
      : { kind: 'pglite' as const, dataDir: copyDir };
    const migrated = openEngine(target);
    await migrate(migrated);
    await migrated.close();
    const sql = (from: string) => `COPY "Tiers" (${COPY_COLUMNS}) FROM '${from}' WITH (FORMAT csv)`;
    const EMPTY = 'TRUNCATE "Tiers" CASCADE';
    if (copyUrl) {
      // A server-side COPY reads a file the server can open: a world-readable file directly in /tmp.
      const file = path.join('/tmp', `bench-import-copy-${process.pid}.csv`);
      writeFileSync(file, csvText, { mode: 0o644 });
      const client = new pg.Client({ connectionString: copyUrl });
      await client.connect();
      return {
        copy: async () => {
          await client.query(EMPTY);
          return client.query(sql(file));
        },
        close: async () => {
          await client.end();
          rmSync(file, { force: true });
        },
      };
    }
    const { newPGlite } = await import('@/server/db/embedded/new-pglite');
    const lite = newPGlite(copyDir); // with the extensions the migrations' triggers use
    await lite.waitReady; // the WASM start is not the COPY's cost
    const blob = new Blob([csvText]);
    return {
      copy: async () => {
        await lite.query(EMPTY);
        return lite.query(sql('/dev/blob'), [], { blob });
      },
      close: () => lite.close(),
    };
  };

  const dry = (kind: 'tiers' | 'biens' | 'baux', file: File) => dryRunImport({ kind, file });
  const run = (kind: 'tiers' | 'biens' | 'baux', file: File) =>
    runImport({ type: 'STAFF', staffId: staff.id, ip: null }, { kind, file });

  // The files are built before any step is timed: an upload arrives as bytes, and building 100,000 rows and
  // encoding them is the benchmark's own work, not the import's.
  const files = {
    tiers: csv('tiers', tiersRows('')),
    retiers: process.env.BENCH_TIERS_ONLY ? null : csv('tiers', tiersRows('.v2')),
    biens: process.env.BENCH_TIERS_ONLY ? null : csv('biens', biensRows),
    baux: process.env.BENCH_TIERS_ONLY ? null : csv('baux', bauxRows),
  };
  console.log(
    `  files: ${Object.entries(files)
      .filter(([, f]) => f)
      .map(([k, f]) => `${k} ${(f!.size / MiB).toFixed(1)} MiB`)
      .join(', ')} (limit 10 MB)`,
  );
  // Alternating rounds (COPY, dry run, import), each with the load average at its start: on a shared machine a pair
  // measured side by side is the figure that means something; the ratio reported is the median of the rounds'.
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
  const reference = await openCopy();
  const ratios: number[] = [];
  const results: Record<string, number> = {};
  for (let round = 1; round <= ROUNDS; round++) {
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    console.log(`  round ${round}/${ROUNDS} (load average ${load})`);
    if (round > 1) await db.$executeRawUnsafe('TRUNCATE "Tiers" CASCADE');
    const copySeconds = await time('bare COPY of the tiers rows (reference)', reference.copy);
    results.dryTiers = await time('dry run, tiers (all new)', () => dry('tiers', files.tiers));
    results.tiers = await time('import, tiers (creations)', () => run('tiers', files.tiers));
    ratios.push(results.tiers / copySeconds);
    console.log(`    tiers import / bare COPY: ${ratios.at(-1)!.toFixed(2)} ×`);
  }
  await reference.close();
  // BENCH_TIERS_ONLY=1: the COPY reference, the dry run and the creations only (the ratio and memory targets).
  if (!process.env.BENCH_TIERS_ONLY) {
    results.retiers = await time('re-import, tiers (updates, new e-mails)', () => run('tiers', files.retiers!));
    results.biens = await time('import, biens (creations)', () => run('biens', files.biens!));
    results.baux = await time('import, baux (creations)', () => run('baux', files.baux!));
    results.rebaux = await time('re-import, baux (updates)', () => run('baux', files.baux!));
  }
  const worst = Math.max(...Object.values(results));
  console.log(
    `  slowest step: ${worst.toFixed(2)} s for ${LINES} lines (${worst < 60 ? 'under' : 'OVER'} the 60 s target, ratio ${(worst / 60).toFixed(2)})`,
  );
  const sorted = [...ratios].sort((a, b) => a - b);
  console.log(
    `  tiers import / bare COPY, median of ${ROUNDS} rounds: ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} × (target ≤ 2; rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
  );
  console.log(
    `  largest RSS growth of a step: ${worstGrowth.toFixed(0)} MiB (${worstGrowth < 200 ? 'under' : 'OVER'} the 200 MiB target)`,
  );
  console.log(
    `  rows: ${await db.tiers.count()} tiers, ${await db.property.count()} biens, ${await db.lease.count()} baux, ${await db.auditEvent.count({ where: { type: 'tiers.email_changed' } })} e-mail change events\n`,
  );
  await closeEngine();
}

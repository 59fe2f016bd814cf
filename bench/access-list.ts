// The "Afficher" list with 100,000 extranet accounts on PostgreSQL: p95 of listAccounts + render to HTML, against
// p95 of the bare SQL returning the same rows, measured interleaved in the same run.
//   NODE_ENV=production npx tsx --import ./bench/support/server-only.mjs bench/access-list.ts
// NODE_ENV=production because React's development build (extra checks) is not what the server runs.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import pg from 'pg';
import { AccessTable } from '@/app/gestion/(app)/acces/access-table';
import { listAccountsSql } from '@/server/access/access.sql';
import { listAccounts } from '@/server/access/list-accounts';
import { ZListQuery, type TListQuery } from '@/server/access/schemas';
import { closeEngine, getEngine } from '@/server/db';
import { migrate } from '@/server/db/migrate';
import { sortNameOf } from '@/shared/tiers/names';
import { freshDatabase, ms, percentile } from './support/database';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);

const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Gérard',
  'Nguyen',
  'Boyer',
  'Denis',
  'Lemaire',
  'Duval',
  'Joly',
  'Gautier',
  'Roger',
  'Roche',
  'Roy',
  'Noël',
  'Meyer',
  'Lucas',
  'Meunier',
  'Jean',
  'Pérez',
  'Marchand',
  'Dufour',
  'Blanchard',
  'Barbier',
  'Brun',
  'Dumas',
  'Brunet',
  'Schmitt',
  'Leroux',
  'Colin',
  'Fernandez',
  'Benoît',
  'Le Gall',
  'Caron',
  'Da Silva',
];
const FIRST = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Inès',
  'Sarah',
  'Julie',
  'Émilie',
  'Thomas',
  'Nicolas',
  'Julien',
  'Maxime',
  'Antoine',
  'Hugo',
  'Lucas',
  'Alexandre',
  'Mathieu',
  'Romain',
  'Zoé',
  'Louise',
];

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const CHUNK = 2000;
  for (let start = 0; start < ACCOUNTS; start += CHUNK) {
    const tiers: unknown[] = [];
    const accounts: unknown[] = [];
    const mails: unknown[] = [];
    for (let i = start; i < Math.min(ACCOUNTS, start + CHUNK); i++) {
      const lastName = LAST[(i * 7919) % LAST.length];
      const firstName = FIRST[(i * 104729) % FIRST.length];
      const id = `t${String(i).padStart(7, '0')}`;
      const kind = i % 5 === 0 ? 'PROPRIETAIRE' : 'LOCATAIRE';
      tiers.push([
        id,
        kind,
        'Mme',
        lastName,
        firstName,
        sortNameOf({ lastName, firstName }),
        `p${i}@exemple.fr`,
        `REF-${i}`,
      ]);
      const login = `${lastName
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase()
        .replace(/[^a-z]+/g, '-')}.${i.toString(36)}`;
      const lastLogin = i % 3 === 0 ? null : new Date(Date.UTC(2026, 0, 1) + (i % 100_000) * 60_000);
      accounts.push([`a${id}`, id, login, i % 17 === 0 ? 'UNENROLLED' : 'ENROLLED', lastLogin]);
      mails.push([`m${id}`, `a${id}`, id, i % 4 === 0 ? 'PENDING_REVIEW' : 'SENT', `<m${id}@bench>`]);
    }
    const insert = async (table: string, columns: string[], rows: unknown[], casts: string[] = []) => {
      const params: unknown[] = [];
      const tuples = (rows as unknown[][]).map(
        (row) => `(${row.map((v, k) => (params.push(v), `$${params.length}${casts[k] ?? ''}`)).join(', ')})`,
      );
      await client.query(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
        params,
      );
    };
    await insert(
      'Tiers',
      ['id', 'kind', 'civility', 'lastName', 'firstName', 'sortName', 'email', 'externalRef', 'updatedAt'],
      tiers.map((t) => [...(t as unknown[]), new Date()]),
      ['', '::"TiersKind"'],
    );
    await insert(
      'ExtranetAccount',
      ['id', 'tiersId', 'login', 'status', 'lastLoginAt', 'updatedAt'],
      accounts.map((a) => [...(a as unknown[]), new Date()]),
      ['', '', '', '::"AccountStatus"'],
    );
    await insert(
      'OutboxMail',
      [
        'id',
        'accountId',
        'tiersId',
        'status',
        'messageId',
        'type',
        'toAddress',
        'subject',
        'html',
        'text',
        'updatedAt',
      ],
      mails.map((m) => [
        ...(m as unknown[]),
        'CREDENTIALS',
        'x@exemple.fr',
        'Vos identifiants',
        '<p>…</p>',
        '…',
        new Date(),
      ]),
      ['', '', '', '::"MailStatus"', '', '::"MailType"'],
    );
  }
  await client.query('ANALYZE');
  await client.end();
  console.log(
    `Seeded ${ACCOUNTS.toLocaleString('en')} tiers, accounts and credential mails in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.env.NODE_ENV !== 'production') {
  console.error("Run with NODE_ENV=production: the server renders with React's production build.");
  process.exit(2);
}

const url = await freshDatabase('bench_access');
await migrate(getEngine());
await seed(url);

const bare = new pg.Client({ connectionString: url });
await bare.connect();

// A cursor deep in the list: the row at position ~70,000 of the tenants in name order.
const [deep] = (
  await bare.query(
    `SELECT "sortName", id FROM "Tiers" WHERE kind = 'LOCATAIRE' ORDER BY "sortName", id OFFSET $1 LIMIT 1`,
    [Math.floor(ACCOUNTS * 0.7)],
  )
).rows as { sortName: string; id: string }[];
const deepCursor = Buffer.from(JSON.stringify([deep.sortName, deep.id])).toString('base64url');

const scenarios: { name: string; query: TListQuery; target: boolean }[] = [
  { name: 'first page (Locataire, by name)', query: ZListQuery.parse({ type: 'locataire' }), target: true },
  {
    name: `deep keyset page (row ~${Math.floor(ACCOUNTS * 0.7).toLocaleString('en')})`,
    query: ZListQuery.parse({ type: 'locataire', apres: deepCursor }),
    target: true,
  },
  { name: 'name search "martin" (Tous)', query: ZListQuery.parse({ q: 'martin' }), target: true },
  // Issue 14: the name as read (civility, any order, accents), parts of words, a piece of the e-mail.
  { name: 'full name "Mme Chloé André"', query: ZListQuery.parse({ q: 'Mme Chloé André' }), target: true },
  { name: 'partial words "andr chlo"', query: ZListQuery.parse({ q: 'andr chlo' }), target: true },
  { name: 'e-mail fragment "p4242"', query: ZListQuery.parse({ q: 'p4242' }), target: true },
  { name: 'first letters "ma"', query: ZListQuery.parse({ q: 'ma' }), target: false },
  { name: 'identifiant search "dupont.2"', query: ZListQuery.parse({ q: 'dupont.2' }), target: false },
  { name: 'first page by last login', query: ZListQuery.parse({ type: 'tous', tri: 'connexion' }), target: false },
];

const sortLinks = { sort: 'nom' as const, byName: '/gestion/acces', byLastLogin: '/gestion/acces?tri=connexion' };
let failed = false;
console.log(
  `\n${ITERATIONS} interleaved iterations per target scenario (after 30 warm-up; 60 for the others), PostgreSQL ${((await bare.query('SHOW server_version')).rows[0] as { server_version: string }).server_version}\n`,
);
console.log(
  'scenario                              rows  bare SQL p50 / p95      list+render p50 / p95    ratio p95   target',
);
for (const scenario of scenarios) {
  const { sql } = listAccountsSql(scenario.query);
  const bareRun = () => bare.query(sql.text, sql.values);
  const fullRun = async () => {
    const page = await listAccounts(scenario.query);
    return (
      renderToString(createElement(AccessTable, { rows: page.rows, selectable: true, sortLinks })).length +
      page.rows.length
    );
  };
  const bareTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let i = 0; i < (scenario.target ? 30 : 5); i++) await Promise.all([await bareRun(), await fullRun()]);
  for (let i = 0; i < (scenario.target ? ITERATIONS : Math.min(ITERATIONS, 60)); i++) {
    let t = performance.now();
    await bareRun();
    bareTimes.push(performance.now() - t);
    t = performance.now();
    await fullRun();
    fullTimes.push(performance.now() - t);
  }
  const rows = (await bareRun()).rowCount;
  const [b50, f50] = [percentile(bareTimes, 50), percentile(fullTimes, 50)];
  const [b95, f95] = [percentile(bareTimes, 95), percentile(fullTimes, 95)];
  const ratio = f95 / b95;
  const ok = ratio <= 2 && f95 < 50;
  if (scenario.target && !ok) failed = true;
  console.log(
    `${scenario.name.padEnd(36)} ${String(rows).padStart(5)}  ${ms(b50).padStart(9)} / ${ms(b95).padStart(9)}    ${ms(f50).padStart(9)} / ${ms(f95).padStart(9)}   ${ratio.toFixed(2).padStart(6)}×    ${scenario.target ? (ok ? 'met (≤2×, <50 ms)' : 'MISSED') : 'not a target'}`,
  );
}

console.log('\nPlans (EXPLAIN ANALYZE, bare SQL):');
for (const scenario of scenarios) {
  const { sql } = listAccountsSql(scenario.query);
  const plan = (
    await bare.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql.text}`, sql.values)
  ).rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']);
  console.log(
    `\n-- ${scenario.name}\n${plan.filter((l) => /Scan|Join|Sort|Limit|Execution|Loop|Hash|Unique|Append/.test(l)).join('\n')}`,
  );
}

await bare.end();
await closeEngine();
process.exitCode = failed ? 1 : 0;

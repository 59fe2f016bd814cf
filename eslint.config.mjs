import Module from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';

// typescript-eslint refuses TypeScript 7 (the native compiler that `tsc` and `next build` use here), so the
// linter alone loads TypeScript 6, installed as `typescript6`. Remove once typescript-eslint supports TS 7.
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === 'typescript' ? 'typescript6' : request, ...rest);
};
const { default: nextVitals } = await import('eslint-config-next/core-web-vitals');
const { default: nextTs } = await import('eslint-config-next/typescript');

// Raw SQL lives in one `*.sql.ts` file per domain or under src/server/db (docs/architecture.md, decision 048):
// Prisma's raw API, its SQL fragments, and the engine's plain query() (src/server/db/index.ts).
const RAW_SQL = 'Raw SQL lives only in a *.sql.ts file of the domain (or src/server/db): docs/architecture.md.';
const RAW_SQL_SYNTAX = [
  {
    selector:
      'MemberExpression[property.name=/^\\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe|queryRawTyped)$/]',
    message: RAW_SQL,
  },
  { selector: "MemberExpression[object.name='Prisma'][property.name=/^(sql|raw|join)$/]", message: RAW_SQL },
  {
    selector:
      'ImportDeclaration[source.value=/generated\\/prisma/] > ImportSpecifier[imported.name=/^(sql|raw|join)$/]',
    message: RAW_SQL,
  },
  {
    selector: "ImportDeclaration[source.value='@/server/db'] > ImportSpecifier[imported.name='query']",
    message: RAW_SQL,
  },
  {
    selector: "CallExpression[callee.object.callee.name='getEngine'][callee.property.name=/^(query|connect)$/]",
    message: RAW_SQL,
  },
];

// The floors of docs/architecture.md: arrows go down only.
const DOMAINS = [
  'access',
  'outbox',
  'mail',
  'delivery',
  'extranet',
  'tiers',
  'leases',
  'properties',
  'documents',
  'import',
  'diagnostic',
  'staff',
  'settings',
  'letters',
  'assistance',
  'dashboard',
  'seed',
];
// The journal is one folder on two floors: its writing side (the catalogue, recordEvent, the INSERT a hot path embeds)
// is below every domain, which all write through it; its reading side (list-events.ts: the journal page, its search
// of a person) is a use case like any other.
const LOWER_FLOORS = [
  ...['auth', 'session', 'http', 'jobs', 'crypto', 'db', 'runtime'].map((floor) => `src/server/${floor}/**`),
  ...['events.ts', 'record-event.ts', 'journal.sql.ts'].map((file) => `src/server/journal/${file}`),
];
const NO_ROUTE = { regex: '^@/app(/|$)', message: 'src/server never imports a route (src/app): arrows go down only.' };
const NO_DOMAIN = {
  regex: `^(@/server/|\\.\\./)(${DOMAINS.join('|')})(/|$)`,
  message:
    "A lower floor (auth, session, http, jobs, crypto, db, runtime, the journal's writing side) imports no domain: docs/architecture.md.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.data/**',
    'src/generated/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
  ]),
  {
    rules: {
      // Plain <img> for the small static SVG logo; next/image adds nothing there.
      '@next/next/no-img-element': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Only src/server talks to the database.
    files: ['src/app/**', 'src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/generated/prisma/client', '@/server/db', '@/server/db/*'],
              message: 'Only src/server imports the Prisma client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx,js,mjs}'],
    ignores: ['**/*.sql.ts', 'src/server/db/**'],
    rules: { 'no-restricted-syntax': ['error', ...RAW_SQL_SYNTAX] },
  },
  {
    files: ['src/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_ROUTE] }] },
  },
  {
    files: [...LOWER_FLOORS, 'src/server/config.ts', 'src/server/errors.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_ROUTE, NO_DOMAIN] }] },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@/(server|app)(/|$)',
              message: 'src/shared is client-safe: it imports nothing of src/server nor src/app.',
            },
          ],
        },
      ],
    },
  },
]);

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
]);

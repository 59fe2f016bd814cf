import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve('src'),
      // `server-only` throws outside React Server Components; tests run server code directly.
      'server-only': path.resolve('tests/setup/empty.ts'),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    setupFiles: ['tests/setup/database.ts'],
    pool: 'forks',
    // next-auth imports 'next/server' without an extension, which only a bundler resolves.
    server: { deps: { inline: ['next-auth', '@auth/core'] } },
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

// npm run build: `next build`, then npm start's supervisor bundled into plain JavaScript, then a stamp of what both
// were built from, so that `npm start` rebuilds only when the sources, the lockfile or the configuration changed and
// a warm start runs no TypeScript tooling (scripts/start.mjs, bench/start.ts).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build as bundle } from 'esbuild';
import { sourceFingerprint, STAMP, SUPERVISOR } from './build-stamp.mjs';

/** Runs `next build`, bundles the supervisor and stamps both; returns false when the build failed. */
export async function build(): Promise<boolean> {
  const fingerprint = sourceFingerprint(); // of what the build is about to read
  const run = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
  if (run.status !== 0) return false;
  // Our sources in, packages out (resolved at run time under --conditions=react-server, as `next start` does);
  // the set-up (Prisma, PGlite, the seed) in chunks of their own, loaded once the web server is starting.
  await bundle({
    entryPoints: { start: 'scripts/start.ts' },
    outdir: path.dirname(SUPERVISOR),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' }, // .next/package.json says CommonJS
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  });
  writeFileSync(STAMP, `${fingerprint}\n`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await build()) ? 0 : 1;

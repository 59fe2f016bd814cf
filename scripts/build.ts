// npm run build: `next build`, then a stamp of what it was built from, so that `npm start` rebuilds only when the
// sources, the lockfile or the configuration changed (scripts/start.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const STAMP = '.next/trousseau-build-stamp';
const INPUTS = [
  'src',
  'public',
  'prisma/schema.prisma',
  'package.json',
  'package-lock.json',
  'next.config.ts',
  'tsconfig.json',
  'postcss.config.mjs',
];

/** A hash of every file the build reads (the generated Prisma client follows from the schema). */
export function sourceFingerprint(): string {
  const hash = createHash('sha256');
  const visit = (file: string) => {
    let entries;
    try {
      entries = readdirSync(file, { withFileTypes: true });
    } catch {
      hash.update(`${file}\0`);
      try {
        hash.update(readFileSync(file));
      } catch {
        hash.update('missing');
      }
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = path.join(file, entry.name);
      if (child === path.join('src', 'generated') || /\.test\.tsx?$/.test(entry.name)) continue;
      visit(child);
    }
  };
  for (const input of INPUTS) visit(input);
  return hash.digest('hex');
}

export function isBuildCurrent(): boolean {
  try {
    return readFileSync(STAMP, 'utf8').trim() === sourceFingerprint();
  } catch {
    return false;
  }
}

/** Runs `next build` and stamps it; returns false when the build failed. */
export function build(): boolean {
  const fingerprint = sourceFingerprint(); // of what the build is about to read
  const run = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
  if (run.status !== 0) return false;
  writeFileSync(STAMP, `${fingerprint}\n`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = build() ? 0 : 1;

// What the build was made from: `npm run build` (scripts/build.ts) writes the stamp, `npm start` (scripts/start.mjs)
// compares it. Plain JavaScript, so that a warm start checks it without loading any TypeScript tooling.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const STAMP = '.next/trousseau-build-stamp';
/** npm start's supervisor (scripts/start.ts and what it imports) bundled by the build, run by a warm start. */
export const SUPERVISOR = '.next/trousseau/start.mjs';

const INPUTS = [
  'src',
  'public',
  'scripts',
  'prisma/schema.prisma',
  'package.json',
  'package-lock.json',
  'next.config.ts',
  'tsconfig.json',
  'postcss.config.mjs',
];

/** A hash of every file the build reads (the generated Prisma client follows from the schema). */
export function sourceFingerprint() {
  const hash = createHash('sha256');
  const visit = (file) => {
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

export function isBuildCurrent() {
  try {
    return readFileSync(STAMP, 'utf8').trim() === sourceFingerprint();
  } catch {
    return false;
  }
}

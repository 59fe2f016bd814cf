// npm start: when the build is current, run the bundled supervisor at once (scripts/start.ts, plain JavaScript since
// the build: a warm start loads no TypeScript tooling); otherwise build first, then run it (decision 009).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isBuildCurrent, SUPERVISOR } from './build-stamp.mjs';

if (!isBuildCurrent() || !existsSync(SUPERVISOR)) {
  console.log('The sources changed since the last build (or there is none): building…');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('\n✖ The build failed (see above).');
    process.exit(1);
  }
}
await import(pathToFileURL(path.resolve(SUPERVISOR)).href);

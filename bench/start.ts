// How long `npm start` takes to answer its first 200 on /gestion/connexion (issue 11): cold (a fresh clone: build,
// migrations, demo seed) and warm (a second start), against bare `next start` on the same build, measured in the
// same run, warm and bare alternating so that both see the same machine.
//
//   npx tsx bench/start.ts            (BENCH_ROUNDS, default 5; BENCH_PORT, default 3290)
//
// The clone sits beside this checkout and gets this checkout's node_modules as hard links (installing is not part of
// starting); it is removed at the end.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 3290);
const url = `http://localhost:${port}/gestion/connexion`;

const dir = mkdtempSync(path.join(path.dirname(process.cwd()), '.trousseau-bench-start-'));
const repo = path.join(dir, 'repo');
execFileSync('git', ['clone', '--quiet', process.cwd(), repo]);
execFileSync('cp', ['-al', 'node_modules', path.join(repo, 'node_modules')]);
execFileSync('npm', ['run', '--silent', 'db:generate'], { cwd: repo, stdio: 'ignore' });
const env = { ...process.env, PORT: String(port), DATA_DIR: path.join(repo, '.data'), DATABASE_URL: '', SMTP_URL: '' };

type Run = { ms: number; started: number; child: ChildProcess; output: () => string };

async function firstOk(command: string, args: string[]): Promise<Run> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited:\n${output}`);
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { ms: performance.now() - started, started, child, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stop(run: Run) {
  const exited = new Promise((resolve) => run.child.once('exit', resolve));
  run.child.kill('SIGTERM');
  await exited;
}

async function untilSeeded(run: Run) {
  while (!run.output().includes('Demo back-office accounts')) await new Promise((r) => setTimeout(r, 100));
}

const npmStart = () => firstOk('npm', ['start']);
const bareNext = () => firstOk(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)]);

try {
  const cold = await npmStart();
  await untilSeeded(cold);
  const seededMs = performance.now() - cold.started;
  await stop(cold);
  if (!cold.output().includes('building…')) throw new Error('the cold start did not build: is the clone fresh?');

  const warm: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const w = await npmStart();
    if (w.output().includes('building…')) throw new Error('a warm start rebuilt the app');
    warm.push(w.ms);
    await stop(w);
    const b = await bareNext();
    bare.push(b.ms);
    await stop(b);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const line = (name: string, xs: number[]) =>
    `${name.padEnd(26)} median ${(median(xs) / 1000).toFixed(2)} s   min ${(Math.min(...xs) / 1000).toFixed(2)} s   max ${(Math.max(...xs) / 1000).toFixed(2)} s`;
  console.log(`\nTime to the first 200 on /gestion/connexion (${rounds} alternating rounds)`);
  console.log(`cold npm start (fresh clone)  ${(cold.ms / 1000).toFixed(1)} s (build, migrate, serve)`);
  console.log(`  demo agency seeded after     ${(seededMs / 1000).toFixed(1)} s`);
  console.log(line('warm npm start', warm));
  console.log(line('bare next start', bare));
  const ratio = median(warm) / median(bare);
  console.log(
    `warm / bare: ${ratio.toFixed(2)} × (goal ≤ 1.5 ×)   warm under 5 s: ${median(warm) < 5000 ? 'yes' : 'no'}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Extranet login throughput against `next start` on PostgreSQL, compared with the raw argon2id verification rate of
// this machine measured in the same run with the same parameters.
//   npx next build && npx tsx --conditions=react-server bench/extranet-login.ts
// Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres), BENCH_PORT (3199),
// BENCH_SECONDS (20), BENCH_CONCURRENCY (2 × cores). Never part of the test run.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import argon2 from 'argon2';
import pg from 'pg';

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.BENCH_PORT ?? 3199);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const cores = os.availableParallelism();
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? cores * 2);
const ACCOUNTS = 200;
const PASSWORD = 'Bench-Marmotte-Pivoine-2026';
const database = 'trousseau_bench';
const base = `http://localhost:${port}`;

const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${database}`;
process.env.DATABASE_URL = dbUrl.toString();
process.env.AUTH_SECRET ??= randomBytes(32).toString('base64');
process.env.DATA_DIR ??= '.data/bench';
const { ARGON2_OPTIONS } = await import('@/server/auth/password');

/** Verifications per second with `cores` in flight: the ceiling any login endpoint can reach here. */
async function rawVerifyRate(durationMs: number): Promise<number> {
  const hash = await argon2.hash(PASSWORD, ARGON2_OPTIONS);
  let done = 0;
  const end = Date.now() + durationMs;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: cores }, async () => {
      while (Date.now() < end) {
        await argon2.verify(hash, PASSWORD);
        done++;
      }
    }),
  );
  return done / ((Date.now() - start) / 1000);
}

async function prepareDatabase(): Promise<string[]> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const { migrate } = await import('@/server/db/migrate');
  const { getEngine, closeEngine } = await import('@/server/db');
  await migrate(getEngine());
  await closeEngine();
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const hash = await argon2.hash(PASSWORD, ARGON2_OPTIONS);
  const logins: string[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const login = `bench${i}.k7m2`;
    await client.query(`INSERT INTO "Tiers" (id, kind, "lastName", "sortName", "updatedAt") VALUES ($1, 'LOCATAIRE', 'Bench', $2, now())`, [`t${i}`, `bench ${i}`]);
    await client.query(`INSERT INTO "ExtranetAccount" (id, "tiersId", login, status, "updatedAt") VALUES ($1, $2, $3, 'ENROLLED', now())`, [`a${i}`, `t${i}`, login]);
    await client.query(`INSERT INTO "ExtranetPassword" ("accountId", hash, "updatedAt") VALUES ($1, $2, now())`, [`a${i}`, hash]);
    logins.push(login);
  }
  await client.end();
  return logins;
}

function rssKb(pid: number): number {
  // The server and any worker it forked.
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=']).toString();
  const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of rows) {
      if (tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return rows.filter(([p]) => tree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0);
}

/** CPU seconds (user + system) used so far by the server's process tree, PostgreSQL's processes and this process. */
function cpuSeconds(serverPid: number): { server: number; postgres: number; load: number } {
  const hz = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,comm=']).toString();
  const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/));
  const tree = new Set([serverPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of rows) {
      if (tree.has(Number(pp)) && !tree.has(Number(p))) {
        tree.add(Number(p));
        grew = true;
      }
    }
  }
  const ticks = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / hz; // utime, stime
    } catch {
      return 0; // exited meanwhile
    }
  };
  const sum = (pids: number[]) => pids.reduce((total, pid) => total + ticks(pid), 0);
  const own = process.cpuUsage();
  return {
    server: sum([...tree]),
    postgres: sum(rows.filter(([, , comm]) => comm === 'postgres').map(([p]) => Number(p))),
    load: (own.user + own.system) / 1e6,
  };
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/auth/csrf`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('next start did not answer in 60 s');
}

/** One Auth.js credentials sign-in, as a browser or an API client does it: CSRF double-submit, then the callback. */
async function csrf(): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${base}/api/auth/csrf`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { token: ((await res.json()) as { csrfToken: string }).csrfToken, cookie };
}

type Sample = { ms: number; status: number; ok: boolean };

async function load(logins: string[], durationMs: number): Promise<{ samples: Sample[]; elapsed: number }> {
  const samples: Sample[] = [];
  let next = 0;
  const start = Date.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const { token, cookie } = await csrf();
      while (Date.now() < end) {
        const login = logins[next++ % logins.length];
        const t = performance.now();
        const res = await fetch(`${base}/api/auth/callback/extranet`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
          body: new URLSearchParams({ login, password: PASSWORD, csrfToken: token, callbackUrl: `${base}/extranet` }),
        });
        await res.arrayBuffer();
        const ok = res.headers.getSetCookie().some((c) => c.startsWith('authjs.session-token='));
        samples.push({ ms: performance.now() - t, status: res.status, ok });
      }
    }),
  );
  return { samples, elapsed: (Date.now() - start) / 1000 };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

console.log(`cores=${cores} concurrency=${concurrency} duration=${seconds}s argon2id m=${ARGON2_OPTIONS.memoryCost} t=${ARGON2_OPTIONS.timeCost} p=${ARGON2_OPTIONS.parallelism}`);
const rawBefore = await rawVerifyRate(5000);
console.log(`raw argon2id verify rate (before): ${rawBefore.toFixed(1)}/s`);
const logins = await prepareDatabase();

// BENCH_PROFILE=dir writes a V8 CPU profile of the server there when it stops (open it in Chrome DevTools).
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
const server = spawn(process.execPath, [...profile, 'node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
  env: { ...process.env, PORT: String(port), NODE_ENV: 'production' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitForServer();
  const rssIdle = rssKb(server.pid!);
  await load(logins, 3000); // warm-up: JIT, connection pool, dummy hash
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(server.pid!))), 500);
  const cpuBefore = cpuSeconds(server.pid!);
  const { samples, elapsed } = await load(logins, seconds * 1000);
  const cpuAfter = cpuSeconds(server.pid!);
  clearInterval(sampler);
  const rawAfter = await rawVerifyRate(5000);
  const raw = (rawBefore + rawAfter) / 2;
  const ok = samples.filter((s) => s.ok);
  const rate = ok.length / elapsed;
  const ms = samples.map((s) => s.ms);
  const errors5xx = samples.filter((s) => s.status >= 500).length;
  const failed = samples.length - ok.length;
  console.log(`raw argon2id verify rate (after):  ${rawAfter.toFixed(1)}/s → reference ${raw.toFixed(1)}/s`);
  console.log(`logins: ${ok.length} successful in ${elapsed.toFixed(1)} s = ${rate.toFixed(1)}/s (${failed} not signed in, ${errors5xx} 5xx)`);
  console.log(`ratio to raw verify rate: ${((rate / raw) * 100).toFixed(0)}% (goal ≥ 80%)`);
  console.log(`latency: p50 ${pct(ms, 50).toFixed(0)} ms, p90 ${pct(ms, 90).toFixed(0)} ms, p99 ${pct(ms, 99).toFixed(0)} ms (goal p99 < 1000 ms)`);
  const perLogin = (k: keyof typeof cpuBefore) => (((cpuAfter[k] - cpuBefore[k]) / samples.length) * 1000).toFixed(1);
  console.log(`CPU per login: server ${perLogin('server')} ms (of which argon2id ≈ ${((cores / raw) * 1000).toFixed(1)} ms), PostgreSQL ${perLogin('postgres')} ms, load generator ${perLogin('load')} ms`);
  console.log(`server RSS: idle ${(rssIdle / 1024).toFixed(0)} MiB, peak under load ${(peak / 1024).toFixed(0)} MiB`);
  const pass = rate / raw >= 0.8 && pct(ms, 99) < 1000 && errors5xx === 0 && failed === 0;
  console.log(pass ? 'PASS' : 'BELOW GOAL');
} finally {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

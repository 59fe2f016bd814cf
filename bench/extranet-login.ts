// Extranet login throughput against `next start` on PostgreSQL, compared with the raw argon2id verification rate of
// this machine measured in the same run with the same parameters.
//   npx next build && npx tsx --conditions=react-server bench/extranet-login.ts
// Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres), BENCH_PORT (3199),
// BENCH_SECONDS (20), BENCH_CONCURRENCY (2 × cores). Never part of the test run.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
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

const HZ = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU seconds (user + system) of one thread or process, from /proc. */
function ticks(path: string): number {
  try {
    const fields = readFileSync(`${path}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / HZ; // utime, stime
  } catch {
    return 0; // exited meanwhile
  }
}

type Cpu = { serverMain: number; serverThreads: number; postgres: number; load: number };

/**
 * CPU seconds used so far: the server's main thread (Next, the sign-in code, Prisma), its other threads (the libuv pool
 * where argon2 runs, garbage collection), PostgreSQL's processes, and this load generator.
 */
function cpuSeconds(serverPid: number): Cpu {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,comm=']).toString().trim().split('\n').map((l) => l.trim().split(/\s+/));
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
  const cpu: Cpu = { serverMain: 0, serverThreads: 0, postgres: 0, load: 0 };
  for (const pid of tree) {
    for (const tid of readdirSync(`/proc/${pid}/task`)) cpu[Number(tid) === serverPid ? 'serverMain' : 'serverThreads'] += ticks(`/proc/${pid}/task/${tid}`);
  }
  for (const [p, , comm] of rows) if (comm === 'postgres') cpu.postgres += ticks(`/proc/${p}`);
  const own = process.cpuUsage();
  cpu.load = (own.user + own.system) / 1e6;
  return cpu;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/extranet/connexion`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('next start did not answer in 60 s');
}

type Sample = { ms: number; status: number; ok: boolean };

// A keep-alive HTTP client on loopback, as light as a load generator can be: the cores it uses are not the server's.
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

/** One sign-in as a program does it: POST /api/extranet/connexion. It counts only if the session cookie is set. */
function signIn(login: string): Promise<Sample & { cookie?: string }> {
  const body = JSON.stringify({ login, password: PASSWORD });
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/api/extranet/connexion', method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => {
          const cookie = res.headers['set-cookie']?.find((c) => c.startsWith('authjs.session-token='))?.split(';')[0];
          resolve({ ms: performance.now() - t, status: res.statusCode ?? 0, ok: res.statusCode === 200 && !!cookie, cookie });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The cookie a sign-in gives must open Mon espace: the benchmark measures real sign-ins. */
async function checkSignedIn(login: string): Promise<void> {
  const { cookie } = await signIn(login);
  const page = await fetch(`${base}/extranet`, { headers: { Cookie: cookie ?? '' }, redirect: 'manual' });
  if (page.status !== 200 || !(await page.text()).includes('Se déconnecter')) throw new Error(`the session cookie does not open Mon espace (HTTP ${page.status})`);
}

async function load(logins: string[], durationMs: number): Promise<{ samples: Sample[]; elapsed: number }> {
  const samples: Sample[] = [];
  let next = 0;
  const start = Date.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const { ms, status, ok } = await signIn(logins[next++ % logins.length]);
        samples.push({ ms, status, ok });
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
  await checkSignedIn(logins[0]);
  await load(logins, 3000); // warm-up: JIT, connection pool
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
  const perLogin = (k: keyof Cpu) => (((cpuAfter[k] - cpuBefore[k]) / samples.length) * 1000).toFixed(1);
  console.log(
    `CPU per login: server main thread ${perLogin('serverMain')} ms, server's other threads ${perLogin('serverThreads')} ms ` +
      `(argon2id, GC; a raw verification costs ${((cores / raw) * 1000).toFixed(1)} ms), PostgreSQL ${perLogin('postgres')} ms, load generator ${perLogin('load')} ms`,
  );
  console.log(`server RSS: idle ${(rssIdle / 1024).toFixed(0)} MiB, peak under load ${(peak / 1024).toFixed(0)} MiB`);
  const pass = rate / raw >= 0.8 && pct(ms, 99) < 1000 && errors5xx === 0 && failed === 0;
  console.log(pass ? 'PASS' : 'BELOW GOAL');
} finally {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

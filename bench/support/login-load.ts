// The shared harness of the sign-in benchmarks (bench/extranet-login.ts, bench/staff-login.ts): a fresh PostgreSQL
// database with accounts, `next start` as `npm start` runs it, wrk driving sign-ins that each must succeed, and raw
// argon2id verification windows alternating with the load windows so that both see the same (noisy, shared) machine.
// Needs wrk (Debian: apt-get install wrk). Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_PORT (3199), BENCH_SECONDS (40, the total load), BENCH_ROUNDS (8), BENCH_CONCURRENCY (4 × cores).
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { promisify } from 'node:util';
import argon2 from 'argon2';
import pg from 'pg';

const execFileAsync = promisify(execFile);

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.BENCH_PORT ?? 3199);
const seconds = Number(process.env.BENCH_SECONDS ?? 40);
const cores = os.availableParallelism();
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? cores * 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const ACCOUNTS = 200;
export const PASSWORD = 'Bench-Marmotte-Pivoine-2026';
export const BASE = `http://localhost:${port}`;
/** The goals of issue 12, for both sign-ins. */
const GOAL = { ratio: 0.9, p99Ms: 300 };

export type SignInRequest = { path: string; headers: Record<string, string>; body: (login: string) => string };

export type LoginBenchmark = {
  /** Database name, e.g. trousseau_bench. */
  database: string;
  /** Writes ACCOUNTS people who sign in with PASSWORD (its hash given), returns their logins. */
  seed(client: pg.Client, hash: string, count: number): Promise<string[]>;
  /** Once the server is up: the request a sign-in sends (a CSRF token fetched first, for instance). */
  request(): Promise<SignInRequest>;
  /** The answer of a successful sign-in. */
  successStatus: number;
  /** A page the session cookie must open, and a text it shows. */
  checkPage: { path: string; text: string };
};

const COOKIE = 'trousseau.session=';

/** Verifications done with `cores` in flight for `durationMs`: the ceiling any login endpoint can reach here. */
async function rawVerifications(hash: string, durationMs: number): Promise<{ done: number; seconds: number }> {
  let done = 0;
  const start = Date.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: cores }, async () => {
      while (Date.now() < end) {
        await argon2.verify(hash, PASSWORD);
        done++;
      }
    }),
  );
  return { done, seconds: (Date.now() - start) / 1000 };
}

/** The processes to watch: the server with any worker it forked, and PostgreSQL's (listed once: `ps` costs CPU). */
function processes(serverPid: number): { server: number[]; postgres: number[] } {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,comm='])
    .toString()
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));
  const server = new Set([serverPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of rows) {
      if (server.has(Number(pp)) && !server.has(Number(p))) {
        server.add(Number(p));
        grew = true;
      }
    }
  }
  return { server: [...server], postgres: rows.filter(([, , comm]) => comm === 'postgres').map(([p]) => Number(p)) };
}

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // exited meanwhile
  }
};

/** Resident memory of these processes, in KiB, from /proc (no process spawned while the load runs). */
const rssKb = (pids: number[]) =>
  pids.reduce((sum, pid) => sum + Number(read(`/proc/${pid}/statm`)?.split(' ')[1] ?? 0) * 4, 0);

const HZ = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
/** CPU seconds (user + system) of one process or thread. */
const ticks = (path: string) => {
  const fields = read(`${path}/stat`)?.split(') ')[1].split(' ');
  return fields ? (Number(fields[11]) + Number(fields[12])) / HZ : 0;
};

type Cpu = { serverMain: number; serverThreads: number; postgres: number };

/**
 * CPU seconds used so far: the server's main thread (Next, the sign-in code, Prisma), its other threads (the libuv pool
 * where argon2 runs, garbage collection) and PostgreSQL's processes.
 */
function cpuSeconds(watched: { server: number[]; postgres: number[] }): Cpu {
  const cpu: Cpu = { serverMain: 0, serverThreads: 0, postgres: 0 };
  const main = watched.server[0];
  for (const pid of watched.server) {
    for (const tid of readdirSync(`/proc/${pid}/task`))
      cpu[Number(tid) === main ? 'serverMain' : 'serverThreads'] += ticks(`/proc/${pid}/task/${tid}`);
  }
  for (const pid of watched.postgres) cpu.postgres += ticks(`/proc/${pid}`);
  return cpu;
}

type LoadResult = {
  signedIn: number;
  notSignedIn: number;
  errors5xx: number;
  elapsed: number;
  p50: number;
  p90: number;
  p99: number;
  cpu: number;
};

async function waitForServer(path: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}${path}`, { redirect: 'manual' })).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('next start did not answer in 60 s');
}

/** The cookie a sign-in gives must open the signed-in page: the benchmark measures real sign-ins. */
async function checkSignedIn(spec: LoginBenchmark, request: SignInRequest, login: string): Promise<void> {
  const response = await fetch(`${BASE}${request.path}`, {
    method: 'POST',
    headers: request.headers,
    body: request.body(login),
    redirect: 'manual',
  });
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith(COOKIE))
    ?.split(';')[0];
  if (response.status !== spec.successStatus || !cookie)
    throw new Error(`sign-in answered HTTP ${response.status} ${cookie ? 'with' : 'without'} a session cookie`);
  const page = await fetch(`${BASE}${spec.checkPage.path}`, { headers: { Cookie: cookie }, redirect: 'manual' });
  if (page.status !== 200 || !(await page.text()).includes(spec.checkPage.text))
    throw new Error(`the session cookie does not open ${spec.checkPage.path} (HTTP ${page.status})`);
}

const lua = (s: string) => JSON.stringify(s); // a JSON string is a valid Lua string literal for these texts

/**
 * The measured load, from wrk: a C load generator whose own CPU use is a fraction of a Node client's, leaving the
 * cores to the server. Each request signs in a different account; one counts only with the success status and the
 * session cookie.
 */
async function loadWithWrk(
  spec: LoginBenchmark,
  request: SignInRequest,
  logins: string[],
  durationS: number,
): Promise<LoadResult> {
  const script = `${process.env.DATA_DIR}/wrk-sign-in.lua`;
  // The body around the login, for the Lua script to put each request's login in (an alphanumeric marker survives
  // JSON and form encoding unchanged).
  const [before, after] = request.body('LOGINMARKER').split('LOGINMARKER');
  const headers = Object.entries(request.headers)
    .map(([k, v]) => `[${lua(k)}] = ${lua(v)}`)
    .join(', ');
  writeFileSync(
    script,
    `local logins = {${logins.map((l) => lua(l)).join(',')}}
local n = 0
signedIn, notSignedIn, errors5xx = 0, 0, 0 -- globals: done() reads them from each thread
local threads = {}
function setup(thread) table.insert(threads, thread) end
function request()
  n = n + 1
  local body = ${lua(before)} .. logins[(n % #logins) + 1] .. ${lua(after)}
  return wrk.format("POST", ${lua(request.path)}, { ${headers} }, body)
end
function response(status, headers, body)
  local cookie = headers["set-cookie"] or headers["Set-Cookie"] or ""
  if status == ${spec.successStatus} and cookie:find(${lua(COOKIE)}, 1, true) then signedIn = signedIn + 1 else notSignedIn = notSignedIn + 1 end
  if status >= 500 then errors5xx = errors5xx + 1 end
end
function done(summary, latency, requests)
  local a, b, c = 0, 0, 0
  for _, t in ipairs(threads) do a = a + t:get("signedIn"); b = b + t:get("notSignedIn"); c = c + t:get("errors5xx") end
  io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", a, b, c, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
`,
  );
  // bash's `times` then prints the CPU that wrk used (its children's user and system time).
  const { stdout: out } = await execFileAsync(
    'bash',
    ['-c', `wrk -t1 -c${concurrency} -d${durationS}s --timeout 10s -s ${script} http://127.0.0.1:${port}; times`],
    { encoding: 'utf8' },
  );
  const result = /^RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$/m.exec(out);
  const children = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/m.exec(out.trim().split('\n').at(-1) ?? '');
  if (!result || !children) throw new Error(`unexpected wrk output:\n${out}`);
  const [signedIn, notSignedIn, errors5xx, durationUs, p50, p90, p99] = result.slice(1).map(Number);
  const [um, us, sm, ss] = children.slice(1).map(Number);
  return {
    signedIn,
    notSignedIn,
    errors5xx,
    elapsed: durationUs / 1e6,
    p50: p50 / 1000,
    p90: p90 / 1000,
    p99: p99 / 1000,
    cpu: um * 60 + us + sm * 60 + ss,
  };
}

async function prepareDatabase(spec: LoginBenchmark, hash: string): Promise<string[]> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${spec.database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${spec.database}`);
  await admin.end();
  const { migrate } = await import('@/server/db/migrate');
  const { getEngine, closeEngine } = await import('@/server/db');
  await migrate(getEngine());
  await closeEngine();
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await spec.seed(client, hash, ACCOUNTS);
  } finally {
    await client.end();
  }
}

/** Runs one sign-in benchmark and prints its figures, ratios and verdict. */
export async function runLoginBenchmark(spec: LoginBenchmark): Promise<void> {
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${spec.database}`;
  process.env.DATABASE_URL = dbUrl.toString();
  process.env.AUTH_SECRET ??= randomBytes(32).toString('base64');
  process.env.DATA_DIR ??= '.data/bench';
  const { ARGON2_OPTIONS } = await import('@/server/session/password');
  const { nextServerEnv } = await import('@/server/runtime/next-server-env');
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary lands here with ENOENT.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('This benchmark drives the load with wrk: install it first (Debian: apt-get install wrk).');
  }
  mkdirSync(process.env.DATA_DIR, { recursive: true });
  console.log(
    `cores=${cores} concurrency=${concurrency} load=${seconds}s in ${ROUNDS} rounds argon2id m=${ARGON2_OPTIONS.memoryCost} t=${ARGON2_OPTIONS.timeCost} p=${ARGON2_OPTIONS.parallelism}`,
  );
  const hash = await argon2.hash(PASSWORD, ARGON2_OPTIONS);
  const logins = await prepareDatabase(spec, hash);

  // BENCH_PROFILE=dir writes a V8 CPU profile of the server there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const server = spawn(process.execPath, [...profile, 'node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: nextServerEnv({ ...process.env, PORT: String(port), NODE_ENV: 'production' }), // as npm start runs it
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForServer(spec.checkPage.path);
    const rssIdle = rssKb(processes(server.pid!).server);
    const request = await spec.request();
    await checkSignedIn(spec, request, logins[0]);
    await loadWithWrk(spec, request, logins, 3); // warm-up: JIT, connection pool
    const watched = processes(server.pid!); // after the warm-up: the pool's PostgreSQL backends are open
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKb(watched.server))), 500);

    const raw = { done: 0, seconds: 0 };
    const load = { signedIn: 0, notSignedIn: 0, errors5xx: 0, seconds: 0, wrkCpu: 0, p50: [0], p90: [0], p99: [0] };
    const cpu: Cpu = { serverMain: 0, serverThreads: 0, postgres: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const verified = await rawVerifications(hash, 3000);
      raw.done += verified.done;
      raw.seconds += verified.seconds;
      const before = cpuSeconds(watched);
      const run = await loadWithWrk(spec, request, logins, seconds / ROUNDS);
      const after = cpuSeconds(watched);
      for (const k of Object.keys(cpu) as (keyof Cpu)[]) cpu[k] += after[k] - before[k];
      load.signedIn += run.signedIn;
      load.notSignedIn += run.notSignedIn;
      load.errors5xx += run.errors5xx;
      load.seconds += run.elapsed;
      load.wrkCpu += run.cpu;
      load.p50.push(run.p50);
      load.p90.push(run.p90);
      load.p99.push(run.p99);
      console.log(
        `round ${round + 1}: raw ${(verified.done / verified.seconds).toFixed(1)} verifications/s, then ${(run.signedIn / run.elapsed).toFixed(1)} logins/s`,
      );
    }
    clearInterval(sampler);
    const rawRate = raw.done / raw.seconds;
    const rate = load.signedIn / load.seconds;
    const requests = load.signedIn + load.notSignedIn;
    const worst = (xs: number[]) => Math.max(...xs);
    console.log(`raw argon2id verify rate: ${raw.done} in ${raw.seconds.toFixed(1)} s = ${rawRate.toFixed(1)}/s`);
    console.log(
      `logins: ${load.signedIn} successful in ${load.seconds.toFixed(1)} s = ${rate.toFixed(1)}/s (${load.notSignedIn} not signed in, ${load.errors5xx} 5xx)`,
    );
    console.log(`ratio to raw verify rate: ${((rate / rawRate) * 100).toFixed(1)}% (goal ≥ ${GOAL.ratio * 100}%)`);
    console.log(
      `latency (worst round): p50 ${worst(load.p50).toFixed(0)} ms, p90 ${worst(load.p90).toFixed(0)} ms, p99 ${worst(load.p99).toFixed(0)} ms (goal p99 < ${GOAL.p99Ms} ms)`,
    );
    const perLogin = (secondsUsed: number) => ((secondsUsed / requests) * 1000).toFixed(1);
    console.log(
      `CPU per login: server main thread ${perLogin(cpu.serverMain)} ms, server's other threads ${perLogin(cpu.serverThreads)} ms ` +
        `(argon2id, GC; a raw verification costs ${((cores / rawRate) * 1000).toFixed(1)} ms), PostgreSQL ${perLogin(cpu.postgres)} ms, wrk ${perLogin(load.wrkCpu)} ms`,
    );
    console.log(`server RSS: idle ${(rssIdle / 1024).toFixed(0)} MiB, peak under load ${(peak / 1024).toFixed(0)} MiB`);
    const pass =
      rate / rawRate >= GOAL.ratio && worst(load.p99) < GOAL.p99Ms && load.errors5xx === 0 && load.notSignedIn === 0;
    console.log(pass ? 'PASS' : 'BELOW GOAL');
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
}

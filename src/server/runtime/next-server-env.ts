import { availableParallelism } from 'node:os';

/**
 * The cap of V8's heap in the web server. V8 collects the old generation once it has grown by a factor that depends on
 * the cap: with Node's default here (a quarter of the machine's memory: 6 GiB) it lets garbage grow to about 4 × what
 * is alive before a full collection, so a 100,000-line import grew the server by 150–280 MiB of garbage; capped at
 * 1 GiB the factor is smaller and the same import grows it by under 50 MiB (decision 047, bench/import.ts). What
 * the app keeps alive is ~150 MiB: the cap leaves it six times that.
 */
export const SERVER_HEAP_CAP = '--max-old-space-size=1024';

/**
 * The environment of the `next start` process. libuv's pool gets one thread per core: argon2 runs there, so at most
 * one hash per core runs at a time (more would time-slice the cores, each switch costing the caches a hash walks
 * through: 19 MiB), and a queued hash starts on a freed thread without waiting for the busy main thread.
 * Measured: a median of 84 % of the raw verification rate instead of 82 % (docs/decisions/007). The heap is capped
 * (SERVER_HEAP_CAP) unless NODE_OPTIONS already sets a cap.
 */
export function nextServerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const options = env.NODE_OPTIONS ?? '';
  return {
    ...env,
    UV_THREADPOOL_SIZE: env.UV_THREADPOOL_SIZE ?? String(availableParallelism()),
    NODE_OPTIONS: options.includes('--max-old-space-size') ? options : `${options} ${SERVER_HEAP_CAP}`.trim(),
  };
}

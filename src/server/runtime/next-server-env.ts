import { availableParallelism } from 'node:os';

/**
 * The environment of the `next start` process. libuv's pool gets one thread per core: argon2 runs there, so at most
 * one hash per core runs at a time (more would time-slice the cores, each switch costing the caches a hash walks
 * through: 19 MiB), and a queued hash starts on a freed thread without waiting for the busy main thread.
 * Measured: a median of 84 % of the raw verification rate instead of 82 % (docs/decisions/007).
 */
export function nextServerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, UV_THREADPOOL_SIZE: env.UV_THREADPOOL_SIZE ?? String(availableParallelism()) };
}

import 'server-only';
import { getConfig } from '@/server/config';
import { openEngine, type Engine } from './engine';

// One engine per process, kept on globalThis so that Next's dev reloads and separate route bundles share it
// (PGlite allows a single opener of its data directory).
const holder = globalThis as unknown as { __trousseauEngine?: Engine };

export function getEngine(): Engine {
  holder.__trousseauEngine ??= openEngine(getConfig().database);
  return holder.__trousseauEngine;
}

export async function closeEngine(): Promise<void> {
  const engine = holder.__trousseauEngine;
  holder.__trousseauEngine = undefined;
  await engine?.close();
}

/** The Prisma client. Only src/server imports it. */
export const db = new Proxy({} as Engine['prisma'], {
  get(_, key) {
    const prisma = getEngine().prisma;
    const value = Reflect.get(prisma, key);
    return typeof value === 'function' ? value.bind(prisma) : value;
  },
});

/** Plain SQL on the shared pool, for hot statements only (see Engine.query); everything else goes through `db`. */
export function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  return getEngine().query<T>(sql, params);
}

export type Db = Engine['prisma'];
/** A client or an interactive transaction, for use cases that run inside a caller's transaction. */
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

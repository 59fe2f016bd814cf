import 'server-only';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from '@/generated/prisma/client';
import type { Config } from '@/server/config';
import { noteTransactionConnections, noteTransactions } from './copy-in';
import { newPGlite } from './embedded/new-pglite';
import { DatabaseBusyError, readLiveOwner, takeOwnerLock, type OwnerLock } from './embedded/owner-lock';

/** A plain SQL connection for the few things Prisma does not do: migrations, advisory locks, raw checks. */
export type SqlConnection = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  release(): Promise<void>;
};

export type Engine = {
  kind: 'postgres' | 'pglite';
  prisma: PrismaClient;
  /** A connection of its own (PostgreSQL) or the single embedded one (PGlite). */
  connect(): Promise<SqlConnection>;
  /**
   * One parameterised statement ($1, $2…) on the shared pool, prepared once per connection on PostgreSQL. For the few
   * hot statements where Prisma's own cost shows (the extranet sign-in); timestamps come back as UTC like Prisma's.
   */
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

/**
 * A statement holding this comment is never prepared: PostgreSQL plans it for its values each time. For searches,
 * whose best plan depends on what is searched (a rare e-mail fragment vs a common name): a prepared statement falls
 * back to one generic plan after five runs, which reads every row for a `LIKE '%…%'` (bench/access-list.ts).
 */
export const PLAN_EACH_TIME = '/* planned for its values */';

const preparedNames = new Map<string, string>();
/** Beyond this many distinct statements (queries whose shape varies, such as long IN lists), new ones run unprepared. */
const MAX_PREPARED = 1000;

/**
 * Each connection prepares a statement once and then only binds values: PostgreSQL parses and plans the text once,
 * which is most of its work for the short statements of a sign-in (docs/benchmarks-extranet.md).
 */
function preparedStatementName({ sql, args }: { sql: string; args: unknown[] }): string {
  if (sql.includes(PLAN_EACH_TIME)) return '';
  let name = preparedNames.get(sql);
  if (name === undefined && preparedNames.size < MAX_PREPARED && args.length <= 64) {
    name = `t${createHash('sha256').update(sql).digest('base64url').slice(0, 22)}`;
    preparedNames.set(sql, name);
  }
  return name ?? ''; // '' runs it unnamed
}

// Prisma stores DateTime as `timestamp(3)` in UTC; pg and PGlite would read it in the server's local time.
const TIMESTAMP_OID = 1114;
const utcTimestamp = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);

/**
 * The one place that decides which database the app talks to. An embedded data directory has one owner
 * (decision 009): when `npm start` serves it, everyone else connects to that server; when it is free, this process
 * takes it; when a command holds it, DatabaseBusyError says who.
 */
export function openEngine(database: Config['database']): Engine {
  if (database.kind === 'postgres') return openPostgres({ connectionString: database.url });
  if (database.dataDir.includes('://')) return openPGlite(newPGlite(database.dataDir)); // memory://: nobody else's
  const served = readLiveOwner(database.dataDir)?.socketDir;
  if (served) return openPostgres(embeddedServer(served));
  let lock: OwnerLock;
  try {
    lock = takeOwnerLock(database.dataDir, commandName());
  } catch (error) {
    // `npm start` took it between our look and our attempt: use its server.
    if (error instanceof DatabaseBusyError && error.owner.socketDir)
      return openPostgres(embeddedServer(error.owner.socketDir));
    throw error;
  }
  mkdirSync(database.dataDir, { recursive: true });
  return openPGlite(newPGlite(database.dataDir), lock.release);
}

/** How a client reaches the PostgreSQL server that `npm start` makes of its embedded database. */
export const embeddedServer = (socketDir: string): pg.PoolConfig => ({
  host: socketDir,
  user: 'postgres',
  database: 'postgres',
});

/** What this process is, in the words the user typed: "npm run db:seed", "npm start"… */
function commandName(): string {
  const script = process.env.npm_lifecycle_event;
  return script ? `npm ${script === 'start' ? 'start' : `run ${script}`}` : path.basename(process.argv[1] ?? 'node');
}

export function openPostgres(connection: pg.PoolConfig): Engine {
  const pool = new pg.Pool({ ...connection, max: 10 });
  // A connection dropped while idle (a server restart, a failover) is reported here rather than crashing the
  // process; the pool opens a new one when next needed.
  pool.on('error', (error) => console.warn(`[database] an idle connection was closed: ${error.message}`));
  noteTransactionConnections(pool);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { statementNameGenerator: preparedStatementName }) });
  return {
    kind: 'postgres',
    prisma,
    async connect() {
      const client = await pool.connect();
      return {
        query: async (sql, params) => (await client.query(sql, params)).rows,
        exec: async (sql) => void (await client.query(sql)),
        release: async () => client.release(),
      };
    },
    async query<T>(sql: string, params: unknown[]) {
      const types = {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      };
      return (
        await pool.query<T & pg.QueryResultRow>({
          name: preparedStatementName({ sql, args: params }),
          text: sql,
          values: params,
          types,
        })
      ).rows;
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** PGlite in this process; `release` frees its data directory after it is closed. */
export function openPGlite(lite: PGlite, release = () => {}): Engine {
  noteTransactions(lite);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    kind: 'pglite',
    prisma,
    async connect() {
      return {
        query: async (sql, params) => (await lite.query(sql, params)).rows as never[],
        exec: async (sql) => void (await lite.exec(sql)),
        release: async () => {},
      };
    },
    async query<T>(sql: string, params: unknown[]) {
      return (await lite.query<T>(sql, params, { parsers: { [TIMESTAMP_OID]: utcTimestamp } })).rows;
    },
    async close() {
      await prisma.$disconnect();
      await lite.close();
      release();
    },
  };
}

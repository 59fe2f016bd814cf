import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

// `COPY … FROM` inside a Prisma interactive transaction, for the import's creations (decision 047): Prisma exposes no
// connection, so the engine notes the one its adapter takes for a transaction opened under `withCopy`, and the
// transaction's body writes rows on it with COPY, between its Prisma statements (never at the same time: the body
// awaits each). A COPY reads CSV as the bench's reference does, without the per-statement parse of a parameter.

/** Writes CSV records (one string per row, no line break) into `table`'s `columns`, on the transaction's connection. */
export type CopyIn = (table: string, columns: string[], records: Iterable<string>) => Promise<void>;

const opening = new AsyncLocalStorage<{ copy?: CopyIn }>();

/** Pieces of at most this many characters: short strings die young (see import/import.sql.ts, decision 045). */
const PIECE = 60_000;

function* pieces(records: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const record of records) {
    if (length && length + record.length + 1 > PIECE) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
    parts.push(record, '\n');
    length += record.length + 1;
  }
  if (length) yield parts.join('');
}

const copySql = (table: string, columns: string[], from: string) =>
  `COPY "${table.replace(/"/g, '')}" (${columns.map((c) => `"${c.replace(/"/g, '')}"`).join(', ')}) FROM ${from} WITH (FORMAT csv)`;

/** A pg pool whose promise-form `connect()` (the one the Prisma adapter uses to open a transaction) is noted. */
export function noteTransactionConnections(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  pool.connect = ((...args: unknown[]) => {
    if (args.length) return (connect as (...a: unknown[]) => unknown)(...args); // pool.query's own, callback form
    return connect().then((client) => {
      const slot = opening.getStore();
      if (slot && !slot.copy)
        slot.copy = (table, columns, records) =>
          pipeline(Readable.from(pieces(records)), client.query(copyFrom(copySql(table, columns, 'STDIN'))));
      return client;
    });
  }) as typeof pool.connect;
}

/** PGlite's `transaction()` (what its Prisma adapter opens a transaction with) notes the transaction. */
export function noteTransactions(lite: PGlite): void {
  const transaction = lite.transaction.bind(lite);
  lite.transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      const slot = opening.getStore();
      if (slot && !slot.copy)
        slot.copy = async (table, columns, records) =>
          void (await tx.query(copySql(table, columns, `'/dev/blob'`), [], { blob: new Blob([...pieces(records)]) }));
      return callback(tx);
    });
}

/**
 * Runs `open` (which opens one Prisma interactive transaction) so that its body can COPY on the transaction's
 * connection: `copy()` gives the CopyIn, or null where the engine's connection could not be noted.
 */
export function withCopy<T>(open: (copy: () => CopyIn | null) => Promise<T>): Promise<T> {
  const slot: { copy?: CopyIn } = {};
  return opening.run(slot, () => open(() => slot.copy ?? null));
}

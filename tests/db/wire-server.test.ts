// One PGlite shared by several PostgreSQL connections (src/server/db/embedded/wire-server.ts): each connection's
// transaction is its own. Real PGlite, a real Unix socket, real `pg` clients.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedServer } from '@/server/db/engine';
import { serveOverSocket, type WireServer } from '@/server/db/embedded/wire-server';

let lite: PGlite;
let server: WireServer;
const clients: pg.Client[] = [];

async function connect(): Promise<pg.Client> {
  const client = new pg.Client(embeddedServer(server.socketDir));
  client.on('error', () => {}); // the client a test kills
  await client.connect();
  clients.push(client);
  return client;
}

const settled = async (promise: Promise<unknown>, ms = 300) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);

const count = async (c: pg.Client) => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows[0].n;

beforeAll(async () => {
  lite = new PGlite();
  server = await serveOverSocket(lite, path.join(mkdtempSync(path.join(tmpdir(), 'wire-')), 'socket'), {
    idleInTransactionMs: 2_000,
    log: () => {},
  });
  const setup = await connect();
  await setup.query('CREATE TABLE t (n int)');
});

afterAll(async () => {
  // A client whose connection was killed never answers end(): closing the server ends it.
  await Promise.race([Promise.all(clients.map((c) => c.end().catch(() => {}))), settled(new Promise(() => {}), 2_000)]);
  await server.close();
  await lite.close();
});

describe('one PGlite served to several connections', () => {
  it("keeps an open transaction's rows to itself and runs nobody else's statements inside it", async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query('BEGIN');
    await a.query('INSERT INTO t VALUES (1)');
    const seen = count(b);
    expect(await settled(seen)).toBe(false); // b waits: it neither sees the row nor runs in a's transaction
    await a.query('ROLLBACK');
    expect(await seen).toBe(0);

    // b's statement, had it run inside a's transaction, would have been rolled back with it.
    await a.query('BEGIN');
    await a.query('INSERT INTO t VALUES (2)');
    const written = b.query('INSERT INTO t VALUES (3)');
    expect(await settled(written)).toBe(false);
    await a.query('ROLLBACK');
    await written;
    expect((await a.query('SELECT n FROM t ORDER BY n')).rows).toEqual([{ n: 3 }]);
    await a.query('DELETE FROM t');
  });

  it('rolls back the transaction of a client that dies mid-way, before anyone else runs', async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query('BEGIN');
    await a.query('INSERT INTO t VALUES (1)');
    const seen = count(b);
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect(await seen).toBe(0);
    // and b is not left inside a transaction: what it writes now stays
    await b.query('INSERT INTO t VALUES (4)');
    const c = await connect();
    expect(await count(c)).toBe(1);
    await c.query('DELETE FROM t');
  });

  it('ends a connection that holds a transaction and says nothing, so the others are not blocked for ever', async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query('BEGIN');
    await a.query('INSERT INTO t VALUES (1)');
    expect(await count(b)).toBe(0); // answered once the watchdog (2 s here) has rolled a back
    await expect(a.query('SELECT 1')).rejects.toThrow();
  });

  it('takes a COPY FROM STDIN inside a transaction, as the import sends it (decision 047)', async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query('BEGIN');
    const copy = pipeline(
      Readable.from(['10\n11\n', '12\n']),
      a.query(copyFrom('COPY t (n) FROM STDIN WITH (FORMAT csv)')),
    );
    expect(await settled(copy, 5_000)).toBe(true); // PGlite alone spins waiting for the data
    expect((await a.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE n >= 10')).rows[0].n).toBe(3);
    const seen = b.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE n >= 10');
    expect(await settled(seen)).toBe(false); // b waits for a's transaction, as for any other statement
    await a.query('ROLLBACK');
    expect((await seen).rows[0].n).toBe(0);
    // A COPY whose data is refused reports it to its connection, which goes on.
    const bad = pipeline(Readable.from(['x\n']), a.query(copyFrom('COPY t (n) FROM STDIN WITH (FORMAT csv)')));
    await expect(bad).rejects.toThrow(/invalid input syntax/);
    expect(await count(a)).toBeGreaterThanOrEqual(0);
  }, 20_000);

  it('lets two connections prepare statements of the same name', async () => {
    const [a, b] = [await connect(), await connect()];
    const one = await a.query({ name: 'same', text: 'SELECT $1::int AS v', values: [1] });
    const two = await b.query({ name: 'same', text: 'SELECT $1::int * 10 AS v', values: [2] });
    expect([one.rows[0].v, two.rows[0].v]).toEqual([1, 20]);
    expect((await a.query({ name: 'same', text: 'SELECT $1::int AS v', values: [5] })).rows[0].v).toBe(5);
  });

  it('reports a failed statement to its connection only', async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query('BEGIN');
    await expect(a.query('SELECT 1/0')).rejects.toThrow('division by zero');
    const other = b.query('SELECT 2 AS v');
    expect(await settled(other)).toBe(false); // a is still in its (failed) transaction
    await a.query('ROLLBACK');
    expect((await other).rows[0].v).toBe(2);
  });
});

import 'server-only';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

// Serves one PGlite over the PostgreSQL wire protocol on a Unix socket, so that the app's server, the CLIs and the
// worker all reach the one database of `npm start` as they would reach a PostgreSQL server (decision 009).
//
// PGlite is a single backend: every connection's messages go to the same session. To keep transactions apart, a
// connection that starts talking owns the backend until PostgreSQL reports it idle again (ReadyForQuery 'I'); the
// others wait their turn. So one connection never sees another's uncommitted rows nor runs inside its transaction.
// Named prepared statements are renamed per connection, and a connection that goes away mid-transaction is rolled
// back before anyone else runs.

export const SOCKET_FILE = '.s.PGSQL.5432';

type Connection = {
  id: number;
  socket: net.Socket;
  buffer: Buffer;
  started: boolean;
  pending: Buffer[];
  statements: Set<string>;
  copyIn: boolean;
  /** A `COPY … FROM STDIN` and its data, held until the client's CopyDone (see onData). */
  copyHeld: Buffer[] | null;
  /** The held COPY went to PGlite: its CopyInResponse, already answered, is taken out of the reply. */
  copyAnswered: boolean;
  lastActive: number;
  closed: boolean;
  queued: boolean;
};

export type WireServer = {
  socketDir: string;
  /** Stops accepting, ends every connection (rolling back what was open), and waits for the backend to be idle. */
  close(): Promise<void>;
};

export type WireServerOptions = {
  /** Connections are accepted at once but served only after this (the owner migrates first). */
  ready?: Promise<unknown>;
  /** A connection that holds a transaction and says nothing for this long is ended (its transaction rolled back). */
  idleInTransactionMs?: number;
  log?: (line: string) => void;
};

export async function serveOverSocket(
  database: PGlite | Promise<PGlite>,
  socketDir: string,
  { ready = Promise.resolve(), idleInTransactionMs = 60_000, log = console.warn }: WireServerOptions = {},
): Promise<WireServer> {
  mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  chmodSync(socketDir, 0o700); // only this system user may connect: there is no password
  const socketPath = path.join(socketDir, SOCKET_FILE);
  rmSync(socketPath, { force: true }); // left by an owner that was killed; we hold the lock, so it is ours now

  let owner: Connection | null = null;
  let busy = false;
  const runnable: Connection[] = [];
  const connections = new Set<Connection>();
  let pumping: Promise<void> | null = null;
  let nextId = 1;
  let shut = false; // after close(): the backend is PGlite's to close, nothing may reach it
  // What PostgreSQL answers to a new session, asked once and replayed to each connection.
  // The socket may listen before PGlite is even loaded (npm start starts the web server meanwhile).
  const opened = Promise.resolve(database);
  const greeting = Promise.all([ready, opened]).then(async ([, lite]) => {
    await lite.waitReady;
    return Buffer.from(await lite.runExclusive(() => lite.execProtocolRaw(startupMessage())));
  });
  greeting.catch(() => {}); // reported to each connection that waits for it

  const kick = () => {
    if (!shut) pumping ??= pump().finally(() => (pumping = null));
  };
  const schedule = (conn: Connection) => {
    if (!conn.queued && conn !== owner) {
      conn.queued = true;
      runnable.push(conn);
    }
    kick();
  };

  async function pump() {
    await greeting;
    const lite = await opened;
    for (;;) {
      let conn = owner;
      if (conn && conn.pending.length === 0) return; // the owner is thinking: everyone else waits
      if (!conn) {
        conn = runnable.shift() ?? null;
        if (!conn) return;
        conn.queued = false;
        if (conn.pending.length === 0) continue;
      }
      owner = conn;
      const batch = Buffer.concat(conn.pending.splice(0));
      busy = true;
      const answer = Buffer.from(
        await lite.runExclusive(() => lite.execProtocolRaw(batch)).finally(() => (busy = false)),
      );
      const reply = conn.copyAnswered ? withoutCopyInResponse(answer) : answer;
      conn.copyAnswered = false;
      if (!conn.closed) conn.socket.write(reply);
      const state = endState(reply);
      if (state === 'copy-in') conn.copyIn = true;
      else if (state !== 'partial') conn.copyIn = false;
      // A connection that went away keeps the backend until its clean-up (queued by cleanUp) has run.
      if (state === 'I' && !(conn.closed && conn.pending.length)) {
        owner = null;
        if (conn.pending.length) schedule(conn);
      }
    }
  }

  /** Puts a connection that went away back in order: its transaction rolled back, its statements closed. */
  function cleanUp(conn: Connection) {
    if (conn.closed) return;
    conn.closed = true;
    connections.delete(conn);
    const messages: Buffer[] = [];
    if (owner === conn) {
      if (conn.copyIn) messages.push(message('f', cString('client went away')));
      messages.push(message('S'), message('Q', cString('ROLLBACK')));
    }
    for (const name of conn.statements) messages.push(message('C', Buffer.concat([Buffer.from('S'), cString(name)])));
    if (conn.statements.size) messages.push(message('S'));
    conn.pending = messages;
    if (owner === conn) kick();
    else if (messages.length) schedule(conn);
  }

  function onData(conn: Connection, chunk: Buffer) {
    conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, chunk]) : chunk;
    conn.lastActive = Date.now();
    let offset = 0;
    while (!conn.started) {
      if (conn.buffer.length - offset < 8) break;
      const length = conn.buffer.readInt32BE(offset);
      if (conn.buffer.length - offset < length) break;
      const code = conn.buffer.readInt32BE(offset + 4);
      offset += length;
      if (code === 80877103 || code === 80877104) {
        conn.socket.write('N'); // no SSL, no GSS on a local socket
      } else if (code === 196608) {
        conn.started = true;
        greeting.then(
          (reply) => {
            if (!conn.closed) conn.socket.write(reply);
          },
          (error: Error) => {
            conn.socket.end(message('E', errorFields('FATAL', '57P03', `the database did not open: ${error.message}`)));
          },
        );
      } else {
        conn.socket.destroy(); // a cancel request or an unknown protocol: not supported
        return;
      }
    }
    let added = false;
    while (conn.started && conn.buffer.length - offset >= 5) {
      const length = conn.buffer.readInt32BE(offset + 1);
      if (conn.buffer.length - offset < 1 + length) break;
      const raw = conn.buffer.subarray(offset, offset + 1 + length);
      offset += 1 + length;
      if (raw[0] === 0x58 /* X: Terminate */) {
        conn.socket.end();
        continue;
      }
      // PGlite reads a COPY's data from the same call as the COPY itself (it spins waiting for data sent later), so a
      // `COPY … FROM STDIN` is answered here (CopyInResponse) and held with its data until the client's CopyDone or
      // CopyFail, then handed to PGlite in one batch.
      if (conn.copyHeld) {
        conn.copyHeld.push(raw);
        if (raw[0] === 0x63 /* c: CopyDone */ || raw[0] === 0x66 /* f: CopyFail */) {
          conn.pending.push(...conn.copyHeld);
          conn.copyHeld = null;
          conn.copyAnswered = true;
          added = true;
        }
        continue;
      }
      if (raw[0] === 0x51 /* Q: Query */ && COPY_FROM_STDIN.test(raw.subarray(5).toString('utf8'))) {
        conn.copyHeld = [raw];
        conn.socket.write(message('G', Buffer.from([0, 0, 0]))); // text format, no per-column formats
        continue;
      }
      conn.pending.push(renamed(conn, raw));
      added = true;
    }
    conn.buffer = offset === conn.buffer.length ? Buffer.alloc(0) : Buffer.from(conn.buffer.subarray(offset));
    if (added) schedule(conn);
  }

  const server = net.createServer((socket) => {
    const conn: Connection = {
      id: nextId++,
      socket,
      buffer: Buffer.alloc(0),
      started: false,
      pending: [],
      statements: new Set(),
      copyIn: false,
      copyHeld: null,
      copyAnswered: false,
      lastActive: Date.now(),
      closed: false,
      queued: false,
    };
    connections.add(conn);
    socket.setNoDelay(true);
    socket.on('data', (chunk) => onData(conn, chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => cleanUp(conn));
  });

  const watchdog = setInterval(
    () => {
      if (
        owner &&
        !busy &&
        !owner.closed &&
        owner.pending.length === 0 &&
        Date.now() - owner.lastActive > idleInTransactionMs
      ) {
        log(
          `[database] a connection held a transaction for ${idleInTransactionMs / 1000} s without a word: rolled back.`,
        );
        owner.socket.destroy();
      }
    },
    Math.min(5_000, idleInTransactionMs),
  );
  watchdog.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(socketPath, 0o600);

  return {
    socketDir,
    async close() {
      clearInterval(watchdog);
      const gone = [...connections].map((conn) => new Promise((resolve) => conn.socket.once('close', resolve)));
      const stopped = new Promise((resolve) => server.close(resolve));
      for (const conn of connections) conn.socket.destroy();
      await Promise.all([stopped, ...gone]); // each one's clean-up is queued by now
      while (pumping) await pumping;
      shut = true;
    },
  };
}

/** Gives a connection's named statements and portals a name of their own on the shared backend. */
function renamed(conn: Connection, raw: Buffer): Buffer {
  const type = String.fromCharCode(raw[0]);
  const body = raw.subarray(5);
  const prefix = `c${conn.id}_`;
  const rename = (name: string) => (name ? prefix + name : name);
  switch (type) {
    case 'P': {
      // Parse: statement name, query, parameter types
      const [name, rest] = takeCString(body);
      if (name) conn.statements.add(rename(name));
      return message('P', Buffer.concat([cString(rename(name)), rest]));
    }
    case 'B': {
      // Bind: portal name, statement name, the rest
      const [portal, afterPortal] = takeCString(body);
      const [statement, rest] = takeCString(afterPortal);
      return message('B', Buffer.concat([cString(rename(portal)), cString(rename(statement)), rest]));
    }
    case 'D':
    case 'C': {
      // Describe / Close: 'S' (statement) or 'P' (portal), then the name
      const [name] = takeCString(body.subarray(1));
      if (type === 'C' && body[0] === 0x53) conn.statements.delete(rename(name));
      return message(type, Buffer.concat([body.subarray(0, 1), cString(rename(name))]));
    }
    case 'E': {
      // Execute: portal name, row limit
      const [portal, rest] = takeCString(body);
      return message('E', Buffer.concat([cString(rename(portal)), rest]));
    }
    default:
      return raw;
  }
}

/** How a reply leaves the backend: idle ('I'), in a transaction ('T', 'E'), waiting for COPY data, or mid-way. */
const COPY_FROM_STDIN = /^\s*COPY\b[^;]*\bFROM\s+STDIN\b/i;

/** The reply without its CopyInResponse messages (the wire server answered the COPY itself). */
function withoutCopyInResponse(reply: Buffer): Buffer {
  const kept: Buffer[] = [];
  for (let i = 0; i + 5 <= reply.length; i += 1 + reply.readInt32BE(i + 1)) {
    if (reply[i] !== 0x47 /* G: CopyInResponse */) kept.push(reply.subarray(i, i + 1 + reply.readInt32BE(i + 1)));
  }
  return Buffer.concat(kept);
}

function endState(reply: Buffer): 'I' | 'T' | 'E' | 'copy-in' | 'partial' {
  let state: ReturnType<typeof endState> = 'partial';
  for (let i = 0; i + 5 <= reply.length; i += 1 + reply.readInt32BE(i + 1)) {
    if (reply[i] === 0x5a /* Z: ReadyForQuery */) state = String.fromCharCode(reply[i + 5]) as 'I' | 'T' | 'E';
    else if (reply[i] === 0x47 /* G: CopyInResponse */) state = 'copy-in';
  }
  return state;
}

function errorFields(severity: string, code: string, text: string): Buffer {
  return Buffer.concat([cString(`S${severity}`), cString(`C${code}`), cString(`M${text}`), Buffer.from([0])]);
}

function startupMessage(): Buffer {
  const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + params.length, 0);
  head.writeInt32BE(196608, 4);
  return Buffer.concat([head, params]);
}

function message(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

const cString = (text: string) => Buffer.from(`${text}\0`);

function takeCString(buffer: Buffer): [string, Buffer] {
  const end = buffer.indexOf(0);
  return [buffer.toString('utf8', 0, end), buffer.subarray(end + 1)];
}

import 'server-only';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { takeOwnerLock } from './owner-lock';
import { serveOverSocket, SOCKET_FILE } from './wire-server';

export type ServedDatabase = {
  /** The PGlite, for the owner's own set-up (migrate, seed) before `open()`; nobody queries it in-process after. */
  lite: Promise<PGlite>;
  socketDir: string;
  /** Lets the waiting connections in: the app's server, CLIs, workers. */
  open(): void;
  /** Ends every connection (rolling back what was open), closes PGlite cleanly and frees the directory. */
  close(): Promise<void>;
};

/**
 * Makes this process the one owner of an embedded data directory and serves it over the PostgreSQL protocol on a
 * Unix socket (decision 009). The lock names the socket from the start, so a command started meanwhile connects and
 * waits rather than opening the directory itself. The socket listens before PGlite (a second to load) is ready, so
 * that `npm start` can start its web server first.
 */
export async function serveEmbedded(
  dataDir: string,
  {
    command,
    appUrl = null,
    loadWhen = Promise.resolve(),
  }: {
    command: string;
    appUrl?: string | null;
    /** PGlite (a second of CPU) loads once this settles: npm start lets its web server boot first. */
    loadWhen?: Promise<unknown>;
  },
): Promise<ServedDatabase> {
  const socketDir = socketDirFor(dataDir);
  const lock = takeOwnerLock(dataDir, command, { socketDir, appUrl });
  try {
    mkdirSync(dataDir, { recursive: true });
    const lite = loadWhen.then(() => import('./new-pglite')).then(({ newPGlite }) => newPGlite(dataDir));
    let open!: () => void;
    const ready = new Promise<void>((resolve) => (open = resolve));
    const server = await serveOverSocket(lite, socketDir, { ready });
    return {
      lite,
      socketDir,
      open,
      async close() {
        open(); // connections still waiting get their turn, then the end
        await server.close();
        await (await lite).close(); // PGlite's own shutdown: a clean checkpoint
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** `<dataDir>.socket/`, or a short folder under the system's temporary one when that path is too long for a socket. */
function socketDirFor(dataDir: string): string {
  const beside = `${dataDir}.socket`;
  if (Buffer.byteLength(path.join(beside, SOCKET_FILE)) <= 100) return beside;
  return path.join(tmpdir(), `trousseau-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`);
}

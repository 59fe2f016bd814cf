import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Exactly one process opens an embedded data directory, as PostgreSQL's postmaster.pid enforces for a server
// (docs/decisions/009-one-owner-of-the-embedded-database.md). The lock file sits beside the directory
// (`.data/pglite.pid`) and names its owner; an owner that is gone (kill -9, power loss) is recognised by its process
// id, its start time and the boot it belongs to, so a restart never needs a manual clean-up.

export type Owner = {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat), so a recycled pid is not mistaken. */
  startTicks: string | null;
  bootId: string | null;
  /** What holds it, in words: "npm start", "npm run db:seed"… */
  command: string;
  since: string;
  /** Where the owner serves the database over the PostgreSQL protocol; null for a command that only uses it. */
  socketDir: string | null;
  /** The owner's app address, when it is the app. */
  appUrl: string | null;
  token: string;
};

export class DatabaseBusyError extends Error {
  constructor(
    readonly owner: Owner,
    dataDir: string,
  ) {
    const since = new Date(owner.since).toLocaleTimeString('en-GB');
    const what = owner.socketDir
      ? `is served by ${owner.command} (pid ${owner.pid}${owner.appUrl ? `, ${owner.appUrl}` : ''}, since ${since})`
      : `is in use by ${owner.command} (pid ${owner.pid}, since ${since})`;
    super(`The embedded database ${dataDir} ${what}. Wait for it to finish or stop it, then try again.`);
  }
}

export const lockFileOf = (dataDir: string) => `${dataDir}.pid`;

/** The live owner of the directory, or null when it is free (no lock, or a stale one). */
export function readLiveOwner(dataDir: string): Owner | null {
  const owner = readOwner(lockFileOf(dataDir));
  return owner && isAlive(owner) ? owner : null;
}

export type OwnerLock = {
  owner: Owner;
  release(): void;
};

/** Takes the directory for this process, or throws DatabaseBusyError naming who has it. */
export function takeOwnerLock(dataDir: string, command: string, extra: Partial<Owner> = {}): OwnerLock {
  const file = lockFileOf(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const me = process.pid;
  const owner: Owner = {
    pid: me,
    startTicks: startTicksOf(me),
    bootId: bootId(),
    command,
    since: new Date().toISOString(),
    socketDir: null,
    appUrl: null,
    ...extra,
    token: randomBytes(12).toString('hex'),
  };
  const tmp = `${file}.${me}.${owner.token}`;
  writeFileSync(tmp, JSON.stringify(owner), { mode: 0o600 });
  try {
    try {
      linkSync(tmp, file); // atomic, and fails if the file exists: never a half-written lock
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readOwner(file);
      if (current && isAlive(current)) throw new DatabaseBusyError(current, dataDir);
      // Stale: take it over atomically, then make sure no other starter took it over at the same moment.
      renameSync(tmp, file);
      sleepSync(50);
      const after = readOwner(file);
      if (after?.token !== owner.token) throw new DatabaseBusyError(after ?? current!, dataDir);
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {}
  }
  const release = () => {
    if (readOwner(file)?.token === owner.token) unlinkSync(file);
    process.off('exit', release);
  };
  process.on('exit', release); // a normal exit that forgot to close still frees it
  return {
    owner,
    release,
  };
}

function readOwner(file: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Owner;
    return typeof owner.pid === 'number' ? owner : null;
  } catch {
    return null; // missing or unreadable: nobody can be relying on it
  }
}

function isAlive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid exists; after a reboot or a recycled pid it may be someone else.
  if (owner.bootId && bootId() && owner.bootId !== bootId()) return false;
  const ticks = startTicksOf(owner.pid);
  return !(owner.startTicks && ticks && owner.startTicks !== ticks);
}

function startTicksOf(pid: number): string | null {
  try {
    // Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces, so count after its ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null; // not Linux: the pid check alone
  }
}

let boot: string | null | undefined;
function bootId(): string | null {
  if (boot === undefined) {
    try {
      boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      boot = null;
    }
  }
  return boot;
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

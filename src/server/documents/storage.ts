import 'server-only';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { getConfig } from '@/server/config';
import { UserError } from '@/server/errors';

/** Where document bytes live. One interface; the local disk is the default implementation. */
export interface DocumentStorage {
  /** Stores the bytes and returns the key to keep in Document.storageKey. */
  put(bytes: Uint8Array, fileName: string): Promise<string>;
  /** A web stream of the bytes, for a streamed download. */
  read(key: string): Promise<ReadableStream<Uint8Array>>;
  remove(key: string): Promise<void>;
}

export class LocalDiskStorage implements DocumentStorage {
  constructor(private readonly root: string) {}

  async put(bytes: Uint8Array, fileName: string): Promise<string> {
    const ext = path
      .extname(fileName)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '')
      .slice(0, 8);
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id}${ext}`;
    try {
      // Not `recursive` for the last level: Node reports a read-only disk as ENOENT there (measured, Node 20).
      await mkdir(this.root, { recursive: true });
      await mkdir(path.join(this.root, id.slice(0, 2))).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      await writeFile(this.pathOf(key), bytes, { flag: 'wx' });
    } catch (error) {
      // A full disk leaves the bytes written so far: no partial file stays behind.
      await rm(this.pathOf(key), { force: true }).catch(() => undefined);
      throw storageError(error);
    }
    return key;
  }

  async read(key: string): Promise<ReadableStream<Uint8Array>> {
    const file = this.pathOf(key);
    await stat(file); // throws ENOENT before the response starts
    return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}(\.[a-z0-9]{1,7})?$/.test(key)) throw new Error(`Invalid storage key ${key}`);
    return path.join(this.root, key);
  }
}

/** What the disk said, in words staff can act on; anything else is a programming or system error, thrown as is. */
export function storageError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new UserError(
      'Espace disque plein : prévenez l’administrateur. Le document n’a pas été enregistré ; réessayez une fois de la place libérée.',
    );
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new UserError(
      'Le dossier des documents est en lecture seule : prévenez l’administrateur. Le document n’a pas été enregistré.',
    );
  return error;
}

let storage: DocumentStorage | undefined;
export function getDocumentStorage(): DocumentStorage {
  storage ??= new LocalDiskStorage(path.join(getConfig().dataDir, 'documents'));
  return storage;
}

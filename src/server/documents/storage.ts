import 'server-only';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { getConfig } from '@/server/config';

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
    await mkdir(path.join(this.root, id.slice(0, 2)), { recursive: true });
    await writeFile(this.pathOf(key), bytes, { flag: 'wx' });
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

let storage: DocumentStorage | undefined;
export function getDocumentStorage(): DocumentStorage {
  storage ??= new LocalDiskStorage(path.join(getConfig().dataDir, 'documents'));
  return storage;
}

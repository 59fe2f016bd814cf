// Issue 13, item 4: a full or read-only documents folder answers in French and leaves no partial file. Real file
// systems: small tmpfs mounts made by the test (needs the right to mount, as on this project's machines).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '@/server/errors';
import { LocalDiskStorage } from '@/server/documents/storage';

const base = mkdtempSync(path.join(os.tmpdir(), 'storage-errors-'));
const mount = (dir: string, options: string) => execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
let canMount = true;
try {
  mkdirSync(path.join(base, 'probe'));
  mount(path.join(base, 'probe'), 'size=16k');
  execFileSync('umount', [path.join(base, 'probe')]);
} catch {
  canMount = false;
}
const mounted: string[] = [];

beforeAll(() => {
  if (!canMount) return;
  for (const [name, options] of [
    ['full', 'size=256k'],
    ['readonly', 'ro,size=64k'],
  ]) {
    const dir = path.join(base, name);
    mkdirSync(dir);
    mount(dir, options);
    mounted.push(dir);
  }
});
afterAll(() => {
  for (const dir of mounted) execFileSync('umount', [dir]);
  rmSync(base, { recursive: true, force: true });
});

/** Every file under `dir`, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

describe.skipIf(!canMount)('document storage on a sick disk', () => {
  it('a full disk: "Espace disque plein : prévenez l’administrateur", and the partial file is removed', async () => {
    const storage = new LocalDiskStorage(path.join(base, 'full'));
    const small = await storage.put(new Uint8Array(1000), 'petit.pdf');
    const error = await storage.put(new Uint8Array(1024 * 1024).fill(7), 'gros.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^Espace disque plein : prévenez l’administrateur\./);
    // Only the document stored before is there: nothing half-written.
    expect(filesUnder(path.join(base, 'full')).map((f) => path.relative(path.join(base, 'full'), f))).toEqual([small]);
  });

  it('a read-only folder: a French sentence saying so, nothing written', async () => {
    const storage = new LocalDiskStorage(path.join(base, 'readonly'));
    const error = await storage.put(new Uint8Array(10), 'doc.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /^Le dossier des documents est en lecture seule : prévenez l’administrateur\./,
    );
    expect(filesUnder(path.join(base, 'readonly'))).toEqual([]);
  });
});

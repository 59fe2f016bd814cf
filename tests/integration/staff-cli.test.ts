// The staff CLI as an agency runs it on a real install: a separate process, the password on stdin.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(path.join(tmpdir(), 'staff-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PGLITE_DATA_DIR: '', TEST_DATABASE_URL: '' };

function staff(args: string[], input = '') {
  const run = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/staff.ts', ...args],
    { input, env, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: run.status, out: run.stdout + run.stderr };
}

describe('npm run staff', () => {
  it('creates the first admin on an empty install, resets the password, disables, and explains mistakes', () => {
    const created = staff(
      ['create', '--email', 'Direction@Agence.fr', '--role', 'ADMIN', '--name', 'Claire'],
      'un-mot-de-passe-long\n',
    );
    expect(created.out, created.out).toContain('Created ADMIN direction@agence.fr');
    expect(created.code).toBe(0);

    const again = staff(['create', '--email', 'direction@agence.fr', '--role', 'ADMIN'], 'un-mot-de-passe-long\n');
    expect(again.code).toBe(1);
    expect(again.out).toContain('already exists');

    const short = staff(['reset-password', '--email', 'direction@agence.fr'], 'court\n');
    expect(short.code).toBe(1);
    expect(short.out).toContain('12 caractères');

    expect(staff(['reset-password', '--email', 'direction@agence.fr'], 'un-autre-mot-de-passe\n').out).toContain(
      'open sessions are ended',
    );
    const lastAdmin = staff(['disable', '--email', 'direction@agence.fr']);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.out).toContain('dernier administrateur actif');
    staff(['create', '--email', 'adjointe@agence.fr', '--role', 'ADMIN'], 'un-mot-de-passe-long\n');
    expect(staff(['disable', '--email', 'direction@agence.fr']).out).toContain('Disabled direction@agence.fr');
    expect(staff(['create', '--email', 'x@agence.fr', '--role', 'BOSS'], 'un-mot-de-passe-long\n').out).toContain(
      '--role ADMIN, GESTIONNAIRE or SUPPORT',
    );
  }, 300_000);
});

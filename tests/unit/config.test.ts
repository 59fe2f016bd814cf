import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@/server/config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'cfg-'));

describe('configuration', () => {
  it('runs with nothing set: embedded database, generated secret kept across starts', () => {
    const env = { DATA_DIR: dataDir() };
    const first = loadConfig(env);
    expect(first.database).toEqual({ kind: 'pglite', dataDir: path.join(env.DATA_DIR, 'pglite') });
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig(env).authSecret).toBe(first.authSecret);
    expect(first.appUrl).toBe('http://localhost:3000');
    expect(first.outboxKey).toHaveLength(32);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ APP_URL: 'not a url' }, 'APP_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET'],
    [{ OUTBOX_KEY: 'c2hvcnQ=' }, 'OUTBOX_KEY'],
  ])('names the wrong variable: %o', (env, variable) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(new RegExp(`${variable}:`));
  });

  it('requires AUTH_SECRET on a server database', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgresql://localhost/x' })).toThrow(
      /AUTH_SECRET is required/,
    );
  });
});

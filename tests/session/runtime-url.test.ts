// Issue 13 item 12: HSTS and the __Secure- cookie name follow APP_URL when the server runs, not when it was built.
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { getConfig } from '@/server/config';
import { sessionCookie, sessionCookieName } from '@/server/session/cookie';

const config = getConfig();
const appUrl = config.appUrl;
const envUrl = process.env.APP_URL;
afterEach(() => {
  config.appUrl = appUrl;
  if (envUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = envUrl;
});

describe('APP_URL read at run time', () => {
  it('the build-time headers carry no HSTS, whatever APP_URL was during the build', async () => {
    process.env.APP_URL = 'https://extranet.agence.fr';
    const nextConfig = (await import('../../next.config')).default;
    const rules = await nextConfig.headers!();
    expect(rules.flatMap((r) => r.headers.map((h) => h.key))).not.toContain('Strict-Transport-Security');
  });

  it('each page response sends HSTS when the running server has an https APP_URL, not otherwise', () => {
    delete process.env.APP_URL;
    expect(proxy(new NextRequest('http://localhost:3000/gestion')).headers.get('strict-transport-security')).toBeNull();
    process.env.APP_URL = 'https://extranet.agence.fr';
    expect(proxy(new NextRequest('http://localhost:3000/gestion')).headers.get('strict-transport-security')).toBe(
      'max-age=63072000; includeSubDomains',
    );
  });

  it('the session cookie is __Secure- and Secure under an https APP_URL', () => {
    expect(sessionCookieName()).toBe('trousseau.session');
    config.appUrl = 'https://extranet.agence.fr';
    expect(sessionCookie('t')).toMatchObject({ name: '__Secure-trousseau.session', options: { secure: true } });
  });
});

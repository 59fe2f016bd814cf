import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/extranet/connexion/route';
import { getConfig } from '@/server/config';
import { db } from '@/server/db';
import { CREDENTIALS_MISSING } from '@/server/extranet/sign-in';
import { LOGIN_FAILED } from '@/server/extranet/messages';
import { PEER_ADDRESS_HEADER } from '@/server/http/peer-address';
import { findSession } from '@/server/session/sessions';
import { createExtranetAccount } from '../factories/extranet';

const URL_ = 'http://localhost:3000/api/extranet/connexion';

function post(body: string, headers: Record<string, string> = {}) {
  return POST(new Request(URL_, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }));
}
const json = (login: string, password: string, headers?: Record<string, string>) =>
  post(JSON.stringify({ login, password }), headers);

/** The session token a response's cookie carries. */
function sessionOf(response: Response): string | null {
  const header = response.headers.getSetCookie().find((c) => c.startsWith('trousseau.session='));
  if (!header) return null;
  expect(header).toMatch(/; HttpOnly/i);
  expect(header).toMatch(/; SameSite=lax/i);
  return header.split(';')[0].slice('trousseau.session='.length);
}

describe('POST /api/extranet/connexion', () => {
  it('signs in with the right password: 303 to Mon espace, and a session cookie for a live session', async () => {
    const { account, login, password } = await createExtranetAccount();
    const response = await json(` ${login.toUpperCase()}`, password, {
      [PEER_ADDRESS_HEADER]: '203.0.113.9',
      'user-agent': 'app/1.0',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/extranet');
    expect(await response.text()).toBe('');
    const token = sessionOf(response);
    const session = await findSession(token!, 'EXTRANET');
    expect(session?.account?.id).toBe(account.id);
    expect(await db.session.findUniqueOrThrow({ where: { id: session!.id } })).toMatchObject({
      ip: '203.0.113.9',
      userAgent: 'app/1.0',
      remember: false,
    });
    // Without "Rester connecté" the cookie ends with the browser.
    expect(response.headers.getSetCookie()[0]).not.toMatch(/Max-Age|Expires/i);
  });

  it('sends a temporary password to the password change, and reads a form as well as JSON', async () => {
    const { login, password } = await createExtranetAccount({ temporary: true });
    const response = await post(new URLSearchParams({ login, password }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/extranet/nouveau-mot-de-passe');
  });

  it('answers a wrong password and an unknown identifiant alike, without a cookie', async () => {
    const { login, password } = await createExtranetAccount();
    const answers = [await json(login, `${password}x`), await json('inconnu.zz99', password)];
    for (const response of answers) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: LOGIN_FAILED });
      expect(sessionOf(response)).toBeNull();
    }
  });

  it('says what to send when the body is incomplete or unreadable', async () => {
    const missing = await json('quelquun.ab12', '');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: CREDENTIALS_MISSING });
    for (const response of [
      await post('{not json'),
      await post('login=a&password=b', { 'content-type': 'text/plain' }),
      await post('[1]'),
    ]) {
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(/^Envoyez « login » et « password »/);
    }
  });

  it('refuses a sign-in posted from another site (login CSRF) before checking anything', async () => {
    const { login, password } = await createExtranetAccount();
    const before = await db.loginAttempt.count();
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const response = await json(login, password, headers);
      expect(response.status).toBe(403);
      expect((await response.json()).error).toMatch(/^Requête refusée/);
    }
    expect(await db.loginAttempt.count()).toBe(before);
    // The application's own origin is welcome.
    expect((await json(login, password, { origin: new URL(getConfig().appUrl).origin })).status).toBe(303);
  });
});

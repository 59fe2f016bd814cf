// Issue 12 item 3: the client address is the socket's unless the socket is a trusted proxy; then the right-most
// untrusted X-Forwarded-For hop. Anything that is not an IP address is ignored; addresses are stored canonical.
import { afterEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/extranet/connexion/route';
import { loadConfig } from '@/server/config';
import { db } from '@/server/db';
import { canonicalIp, clientIp } from '@/server/http/client-ip';
import { PEER_ADDRESS_HEADER } from '@/server/http/peer-address';
import { IP_POLICY } from '@/server/session/throttle';

// The configuration is read once per process: a test sets TRUSTED_PROXIES by replacing that one value.
const config = (await import('@/server/config')).getConfig();
const original = config.trustedProxies;
const trust = (value: string) =>
  (config.trustedProxies = loadConfig({ ...process.env, TRUSTED_PROXIES: value }).trustedProxies);
afterEach(() => void (config.trustedProxies = original));

const headers = (peer: string, forwarded?: string) =>
  new Headers({ [PEER_ADDRESS_HEADER]: peer, ...(forwarded ? { 'x-forwarded-for': forwarded } : {}) });

describe('clientIp', () => {
  it('is the socket address when nobody is trusted, whatever X-Forwarded-For says', () => {
    expect(clientIp(headers('203.0.113.5', '1.2.3.4'))).toBe('203.0.113.5');
    expect(clientIp(headers('::ffff:203.0.113.5'))).toBe('203.0.113.5');
    expect(clientIp(new Headers({ 'x-forwarded-for': '1.2.3.4' }))).toBeNull();
  });

  it('from a trusted proxy: the right-most hop that is not a trusted proxy', () => {
    trust('10.0.0.0/8, 192.168.1.10');
    expect(clientIp(headers('10.1.2.3', '1.2.3.4, 198.51.100.7'))).toBe('198.51.100.7');
    expect(clientIp(headers('10.1.2.3', '198.51.100.7, 192.168.1.10'))).toBe('198.51.100.7');
    expect(clientIp(headers('10.1.2.3'))).toBe('10.1.2.3');
    // A value that is not an address stops the walk: what is left of it proves nothing.
    expect(clientIp(headers('10.1.2.3', `${'x'.repeat(8000)}, 198.51.100.8`))).toBe('198.51.100.8');
    expect(clientIp(headers('10.1.2.3', '198.51.100.8, <script>'))).toBe('10.1.2.3');
  });

  it('stores addresses in canonical form and ignores anything else', () => {
    expect(canonicalIp('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(canonicalIp('::ffff:c000:0201')).toBe('192.0.2.1');
    expect(canonicalIp('999.1.1.1')).toBeNull();
    expect(canonicalIp('x'.repeat(8000))).toBeNull();
  });

  it('TRUSTED_PROXIES is checked at start with a message naming it', () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(
      /TRUSTED_PROXIES: must be IP addresses or CIDR/,
    );
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.local' })).toThrow(/TRUSTED_PROXIES/);
  });
});

const signIn = (peer: string, forwarded: string, login: string) =>
  POST(
    new Request('http://localhost:3000/api/extranet/connexion', {
      method: 'POST',
      body: JSON.stringify({ login, password: 'Mauvais-Mot-De-Passe' }),
      headers: { 'content-type': 'application/json', [PEER_ADDRESS_HEADER]: peer, 'x-forwarded-for': forwarded },
    }),
  );

describe('the sign-in counts the real client address', () => {
  it('rotating X-Forwarded-For from an untrusted client changes nothing: the spray is stopped', async () => {
    const peer = '198.51.100.30';
    const answers = [];
    for (let i = 0; i < IP_POLICY.lockAt + 5; i++)
      answers.push((await signIn(peer, `203.0.113.${i}`, `spray-${i}.ab12`)).status);
    expect(answers.slice(-5)).toEqual([401, 401, 401, 401, 401]);
    expect(await db.loginAttempt.count({ where: { ip: peer, outcome: 'THROTTLED' } })).toBe(5);
    expect(await db.loginAttempt.count({ where: { ip: { startsWith: '203.0.113.' } } })).toBe(0);
  });

  it('from a trusted proxy, the forwarded address is the one counted and stored', async () => {
    trust('10.0.0.0/8');
    for (let i = 0; i < 3; i++) await signIn('10.0.0.2', `198.51.100.${40 + i}`, `tiers-${i}.cd34`);
    for (const i of [0, 1, 2]) expect(await db.loginAttempt.count({ where: { ip: `198.51.100.${40 + i}` } })).toBe(1);
    expect(await db.loginAttempt.count({ where: { ip: '10.0.0.2' } })).toBe(0);
  });
});

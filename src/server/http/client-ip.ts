import 'server-only';
import { isIP } from 'node:net';
import { getConfig } from '@/server/config';
import { PEER_ADDRESS_HEADER } from './peer-address';

/**
 * The client's address: the socket's, unless the socket is a proxy listed in TRUSTED_PROXIES; then the right-most
 * hop of X-Forwarded-For that is not itself a trusted proxy (everything left of it was written by the client and
 * proves nothing). Anything that is not an IP address is ignored; addresses come back in canonical form.
 */
export function clientIp(headers: Headers): string | null {
  const peer = canonicalIp(headers.get(PEER_ADDRESS_HEADER));
  if (!peer) return null;
  const proxies = getConfig().trustedProxies;
  if (!isTrusted(proxies, peer)) return peer;
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((hop) => canonicalIp(hop.trim()));
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!hop) break; // a hop that is not an address: nothing left of it can be believed
    client = hop;
    if (!isTrusted(proxies, hop)) break;
  }
  return client;
}

function isTrusted(proxies: ReturnType<typeof getConfig>['trustedProxies'], ip: string): boolean {
  return proxies.check(ip, isIP(ip) === 4 ? 'ipv4' : 'ipv6');
}

/** "::FFFF:192.0.2.1" → "192.0.2.1", "2001:DB8:0:0::1" → "2001:db8::1"; null for anything that is not an address. */
export function canonicalIp(value: string | null | undefined): string | null {
  if (!value || value.length > 64) return null;
  const version = isIP(value);
  if (version === 4) return value;
  if (version !== 6) return null;
  const canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  const mapped =
    /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(canonical) ?? /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  if (mapped.length === 2) return mapped[1];
  const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

// Issue 13 item 2 (the sign-in part): while the database cannot be reached, a sign-in is never answered "wrong
// password": it says the service is unavailable (503 with Retry-After on the API). A real outage: the app talks to
// PostgreSQL through a TCP relay that this test cuts.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/extranet/connexion/route';
import { getConfig } from '@/server/config';
import { getEngine } from '@/server/db';
import { openEngine, type Engine } from '@/server/db/engine';
import { SERVICE_UNAVAILABLE } from '@/server/session/messages';
import { authenticateStaff } from '@/server/staff/authenticate-staff';
import { createStaffUser } from '../factories';
import { createExtranetAccount } from '../factories/extranet';

const holder = globalThis as unknown as { __trousseauEngine?: Engine };
const database = getConfig().database;
const postgres = database.kind === 'postgres';

/** A relay to the real server that can be cut: listening stops and open connections are destroyed. */
async function relayTo(url: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(url.port || 5432), url.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut: () => {
      server.close();
      for (const s of sockets) s.destroy();
    },
  };
}

describe.skipIf(!postgres)('the sign-in while PostgreSQL is unreachable', () => {
  const original = getEngine();
  afterAll(async () => {
    const relayed = holder.__trousseauEngine;
    holder.__trousseauEngine = original;
    if (relayed && relayed !== original) await relayed.close().catch(() => undefined);
  });

  it('answers "Service momentanément indisponible" (503, Retry-After), never "wrong password", staff and extranet', async () => {
    const { login, password } = await createExtranetAccount();
    const staff = await createStaffUser();
    const url = new URL(database.kind === 'postgres' ? database.url : '');
    const relay = await relayTo(url);
    const relayed = new URL(url);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(relay.port);
    holder.__trousseauEngine = openEngine({ kind: 'postgres', url: relayed.toString() });
    // Through the relay, the right password works.
    const body = (p: string) => JSON.stringify({ login, password: p });
    const post = (p: string) =>
      POST(
        new Request('http://localhost:3000/api/extranet/connexion', {
          method: 'POST',
          body: body(p),
          headers: { 'content-type': 'application/json' },
        }),
      );
    expect((await post(password)).status).toBe(303);

    relay.cut();
    for (const attempt of [password, 'wrong-password']) {
      const response = await post(attempt);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await response.json()).toEqual({ error: SERVICE_UNAVAILABLE });
    }
    expect(
      await authenticateStaff({ login: staff.email, password: staff.password, ip: null, userAgent: null }),
    ).toEqual({ ok: false, error: SERVICE_UNAVAILABLE, outcome: null, status: 503 });
  });
});

// Issue 13, item 2: while the database cannot be reached, actions say "Service momentanément indisponible,
// réessayez dans un instant" and APIs answer 503 with Retry-After; once it is back, everything works again.
// The outage is real: this file's database is reached through a TCP proxy the test controls, which cuts every
// connection and refuses new ones, as a PostgreSQL restart does. PostgreSQL only (the embedded engine is in-process).
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { enrollAction } from '@/server/access/actions';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { GET as health } from '@/app/api/sante/route';
import { createStaffUser, createTiers } from '../factories';

const target = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : null;
let down = false;
const sockets = new Set<net.Socket>();
const proxy = net.createServer((client) => {
  if (down) return client.destroy();
  const upstream = net.connect(Number(target!.port || 5432), target!.hostname);
  for (const s of [client, upstream]) {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  }
  client.pipe(upstream).pipe(client);
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
});
if (target) {
  // Before the first query of this file: the setup's migration and every later query go through the proxy.
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const through = new URL(target);
  through.hostname = '127.0.0.1';
  through.port = String((proxy.address() as net.AddressInfo).port);
  process.env.DATABASE_URL = through.toString();
}
afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

const cut = () => {
  down = true;
  for (const s of sockets) s.destroy();
};

describe.skipIf(!target)('a database outage', () => {
  it('actions answer the French outage sentence and APIs 503 with Retry-After, then work again', async () => {
    const staff = await createStaffUser({ role: 'GESTIONNAIRE' });
    const tiers = await createTiers();
    expect((await health()).status).toBe(200);

    cut();
    const refused = await executeStaffAction(enrollAction, staff, { ids: [tiers.id] }, null);
    expect(refused).toEqual({ ok: false, error: 'Service momentanément indisponible, réessayez dans un instant.' });
    const api = await health();
    expect(api.status).toBe(503);
    expect(api.headers.get('Retry-After')).toBe('5');
    expect(await api.json()).toEqual({ error: 'Service momentanément indisponible, réessayez dans un instant.' });

    down = false;
    expect((await health()).status).toBe(200);
    expect(await executeStaffAction(enrollAction, staff, { ids: [tiers.id] }, null)).toMatchObject({ ok: true });
    expect(await db.extranetAccount.count({ where: { tiersId: tiers.id } })).toBe(1);
  });
});

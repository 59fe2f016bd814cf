// "Now" in hand-written SQL is UTC, as Prisma stores DateTime, whatever the session's time zone (src/server/db/now.ts).
import { expect, it } from 'vitest';
import { db } from '@/server/db';
import { bulkUpdate } from '@/server/import/import.sql';
import { createTiers } from '../factories';

it('a bulk update stamps updatedAt in UTC, even in a session fourteen hours ahead', async () => {
  const tiers = await createTiers({ lastName: 'Horloge' });
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL TIME ZONE 'Pacific/Kiritimati'`); // UTC+14
    await bulkUpdate(tx, 'Tiers', [{ name: 'phone', type: 'text' }], [{ id: tiers.id, phone: '0612345678' }]);
  });
  const row = await db.tiers.findUniqueOrThrow({ where: { id: tiers.id }, select: { phone: true, updatedAt: true } });
  expect(row.phone).toBe('0612345678');
  // A bare now() would have stored the session's local time: 14 hours in the future once read as UTC.
  expect(Math.abs(row.updatedAt.getTime() - Date.now())).toBeLessThan(5 * 60_000);
});

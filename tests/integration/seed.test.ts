import { describe, expect, it } from 'vitest';
import { authenticateStaff } from '@/server/staff/authenticate-staff';
import { getEngine } from '@/server/db';
import { getDocumentStorage } from '@/server/documents/storage';
import { DEMO_STAFF, seedDemo } from '@/server/seed/seed-demo';

describe('demo data', () => {
  it('creates the demo agency once, with working staff logins, and refuses to seed a database with data', async () => {
    const prisma = getEngine().prisma;
    const counts = await seedDemo(prisma);
    expect(counts).toMatchObject({ staff: 3, locataires: 300, proprietaires: 80 });
    expect(await prisma.lease.count()).toBe(counts.baux);
    expect(await prisma.leaseTenant.count()).toBe(300);
    expect(await prisma.document.count()).toBe(counts.documents);
    const doc = await prisma.document.findFirstOrThrow({ where: { category: 'QUITTANCE' } });
    const bytes = Buffer.from(await new Response(await getDocumentStorage().read(doc.storageKey)).arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBe(doc.sizeBytes);
    const admin = DEMO_STAFF.find((s) => s.role === 'ADMIN')!;
    expect(
      await authenticateStaff({ login: admin.email, password: admin.password, ip: null, userAgent: null }),
    ).toMatchObject({ ok: true, person: { role: 'ADMIN' } });
    await expect(seedDemo(prisma)).rejects.toThrow(/already has data/);
    expect(await prisma.tiers.count()).toBe(380);
  });
});

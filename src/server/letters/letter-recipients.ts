import 'server-only';
import type { TiersKind } from '@/generated/prisma/enums';
import type { Tx } from '@/server/db';
import { postalLines, type PostalPerson } from './letter-content';

type Person = PostalPerson & { id: string; kind: TiersKind };

/**
 * Each person's address block for a letter: the address on their tiers record; failing that, for a tenant, the bien
 * of their current lease (where they live). Absent when neither is complete.
 */
export async function letterRecipients(tx: Tx, people: Person[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const missing: Person[] = [];
  for (const p of people) {
    const lines = postalLines(p);
    if (lines) out.set(p.id, lines);
    else if (p.kind === 'LOCATAIRE') missing.push(p);
  }
  if (!missing.length) return out;
  const today = new Date();
  const leases = await tx.leaseTenant.findMany({
    where: {
      tiersId: { in: missing.map((p) => p.id) },
      lease: { startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] },
    },
    select: {
      tiersId: true,
      lease: {
        select: {
          startDate: true,
          property: { select: { addressLine: true, postalCode: true, city: true, unitLabel: true } },
        },
      },
    },
    orderBy: { lease: { startDate: 'desc' } },
  });
  for (const p of missing) {
    const home = leases.find((l) => l.tiersId === p.id)?.lease.property;
    if (!home) continue;
    const addressLine = home.unitLabel ? `${home.unitLabel}\n${home.addressLine}` : home.addressLine;
    const lines = postalLines({ ...p, addressLine, postalCode: home.postalCode, city: home.city });
    if (lines) out.set(p.id, lines);
  }
  return out;
}

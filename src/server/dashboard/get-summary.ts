import 'server-only';
import { db } from '@/server/db';

export async function getSummary() {
  const [locataires, proprietaires, enrolled] = await Promise.all([
    db.tiers.count({ where: { kind: 'LOCATAIRE', archivedAt: null } }),
    db.tiers.count({ where: { kind: 'PROPRIETAIRE', archivedAt: null } }),
    db.extranetAccount.count({ where: { status: 'ENROLLED' } }),
  ]);
  return { locataires, proprietaires, enrolled };
}

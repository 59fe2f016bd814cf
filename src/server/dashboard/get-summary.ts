import 'server-only';
import { db } from '@/server/db';

/** The back-office home's figures: who can use the extranet, and what waits for staff. */
export async function getSummary(now = new Date()) {
  const monthAgo = new Date(now.getTime() - 30 * 24 * 3600 * 1000);
  const [locataires, proprietaires, enrolled, active, locked, toReview, failed] = await Promise.all([
    db.tiers.count({ where: { kind: 'LOCATAIRE', archivedAt: null } }),
    db.tiers.count({ where: { kind: 'PROPRIETAIRE', archivedAt: null } }),
    db.extranetAccount.count({ where: { status: 'ENROLLED' } }),
    db.extranetAccount.count({ where: { status: 'ENROLLED', lastLoginAt: { gte: monthAgo } } }),
    db.extranetAccount.count({ where: { status: 'ENROLLED', lockedUntil: { gt: now } } }),
    db.outboxMail.count({ where: { status: 'PENDING_REVIEW' } }),
    db.outboxMail.count({ where: { status: 'FAILED' } }),
  ]);
  return { locataires, proprietaires, enrolled, active, locked, toReview, failed };
}

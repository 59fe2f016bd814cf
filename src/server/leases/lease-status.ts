import { parisToday } from './french-formats';

export type LeaseStatus = 'ENDED' | 'UPCOMING' | 'CURRENT';

export const LEASE_STATUS_LABELS: Record<LeaseStatus, string> = {
  ENDED: 'Terminé',
  UPCOMING: 'À venir',
  CURRENT: 'En cours',
};

/** A lease whose end date is in the past (Paris time) is "terminé"; the end day itself still counts as leased. */
export function leaseStatus(lease: { startDate: Date; endDate: Date | null }, now = new Date()): LeaseStatus {
  const today = parisToday(now);
  if (lease.endDate && lease.endDate < today) return 'ENDED';
  if (lease.startDate > today) return 'UPCOMING';
  return 'CURRENT';
}

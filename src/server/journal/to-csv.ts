import { eventLabel } from './events';
import type { JournalRow } from './list-events';
import { csvLine } from '@/shared/csv';
import { formatShortDateTimeSeconds } from '@/shared/dates';

export const CSV_HEADER = ['Date', 'Événement', 'Acteur', 'Personne', 'Cible', 'Adresse IP', 'Détails'];

export function journalRowToCsv(r: JournalRow): string {
  return csvLine([
    formatShortDateTimeSeconds(r.createdAt),
    eventLabel(r.type),
    r.actor,
    r.person?.name,
    r.target,
    r.ip,
    r.details,
  ]);
}

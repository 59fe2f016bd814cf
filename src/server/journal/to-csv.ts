import { eventLabel } from './event-labels';
import type { JournalRow } from './list-events';
import { formatShortDateTimeSeconds } from '@/shared/dates';

export const CSV_HEADER = ['Date', 'Événement', 'Acteur', 'Personne', 'Cible', 'Adresse IP', 'Détails'];

/** One CSV field for Excel in French: `;` separated, quotes doubled, formula-looking cells neutralised. */
export function csvField(value: string | null | undefined): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`; // CSV injection: a cell never starts a formula
  return /[;"\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function csvLine(fields: (string | null | undefined)[]): string {
  return `${fields.map(csvField).join(';')}\r\n`;
}

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

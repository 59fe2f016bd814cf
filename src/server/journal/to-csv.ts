import { eventLabel } from './events';
import type { JournalRow } from './list-events';

const paris = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Paris' });

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
  return csvLine([paris.format(r.createdAt), eventLabel(r.type), r.actor, r.person?.name, r.target, r.ip, r.details]);
}

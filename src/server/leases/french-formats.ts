// French number and date formats as staff type them and agency software exports them: "1 234,56", "05/03/2024".
// Pure functions (no server-only): the forms display with the same helpers.
import { parisIsoDay } from '@/shared/dates';

const SPACES = /[\s\u00a0\u202f]/g;

/** "1 234,56", "1234.5", "1.234,56 €" → cents; null when it is not an amount. */
export function parseEurosToCents(value: string): number | null {
  let v = value.replace(SPACES, '').replace(/€$/, '');
  if (!v) return null;
  if (v.includes(',')) v = v.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return null;
  const [units, decimals = ''] = v.split('.');
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** "45,5" → "45.5" (a decimal string for Prisma's Decimal), null when it is not a number. */
export function parseFrenchDecimal(value: string): string | null {
  const v = value.replace(SPACES, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(v) ? v : null;
}

const euroFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 123456 → "1 234,56" (for form fields). */
export function formatCents(cents: number): string {
  return euroFormat.format(cents / 100);
}

/** 123456 → "1 234,56 €" (for display). */
export function formatEuros(cents: number): string {
  return `${formatCents(cents)} €`;
}

/** "05/03/2024" (JJ/MM/AAAA) or "2024-03-05" (a date field) → the date at UTC midnight; null when not a real date. */
export function parseFrenchDate(value: string): Date | null {
  const v = value.trim();
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const [y, m, d] = fr ? [fr[3], fr[2], fr[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1 ? date : null;
}

/** A @db.Date value → "05/03/2024". */
export function formatFrenchDate(date: Date): string {
  return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
}

/** A @db.Date value → "2024-03-05", the value of an <input type="date">. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today in Europe/Paris as a UTC-midnight date, comparable with @db.Date values. */
export function parisToday(now = new Date()): Date {
  return new Date(`${parisIsoDay(now)}T00:00:00Z`);
}

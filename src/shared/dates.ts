// Every date shown to people, in one place (docs/architecture.md: dates shown are Europe/Paris). An instant (a
// timestamp) is shown in Paris time; a calendar date (a @db.Date such as a lease's end, stored at UTC midnight) is
// shown as the day it is, never shifted by a time zone.

const PARIS = 'Europe/Paris';

const shortDateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: PARIS });
const shortDateTimeSeconds = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: PARIS,
});
const longDateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: PARIS });
const longDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: PARIS });
const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: PARIS });
const monthYear = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: PARIS });
const isoDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: PARIS });
const calendarDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** "25/11/2026 08:30", Paris time, for dense tables; `empty` when there is no date. */
export const formatShortDateTime = (d: Date | null | undefined, empty = '—') => (d ? shortDateTime.format(d) : empty);

/** "25/11/2026 08:30:12", Paris time to the second (the journal's export). */
export const formatShortDateTimeSeconds = (d: Date) => shortDateTimeSeconds.format(d);

/** "25 novembre 2026 à 08:30", Paris time, for sentences and mails. */
export const formatLongDateTime = (d: Date) => longDateTime.format(d);

/** "25 novembre 2026": the day of an instant in Paris. */
export const formatLongDay = (d: Date) => longDay.format(d);

/** "08:30", Paris time. */
export const formatTime = (d: Date) => time.format(d);

/** "novembre 2026", in Paris. */
export const formatMonthYear = (d: Date) => monthYear.format(d);

/** "2026-11-25": the day of an instant in Paris, as in a file name ("journal-2026-11-25.csv"). */
export const parisIsoDay = (d: Date = new Date()) => isoDay.format(d);

/** A calendar date (@db.Date, stored at UTC midnight) → "25 novembre 2026", the same day wherever it is read. */
export const formatCalendarDay = (d: Date) => calendarDay.format(d);

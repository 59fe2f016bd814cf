const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** "25/11/2026 08:30", Europe/Paris. */
export const formatDateTime = (d: Date | null | undefined, empty = '—') => (d ? dateTime.format(d) : empty);

// Lease dates are calendar dates stored at UTC midnight: formatted in UTC so that they never shift by a day.
const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const money = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

export const formatDay = (d: Date) => day.format(d);
export const formatDateTime = (d: Date) => dateTime.format(d);
export const formatCents = (cents: number) => money.format(cents / 100);

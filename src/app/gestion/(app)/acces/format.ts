import type { TiersKind } from '@/generated/prisma/enums';

const short = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** "25/11/2026 09:12", Paris time, for dense tables. */
export const formatShortDateTime = (d: Date) => short.format(d);

export const KIND_LABELS: Record<TiersKind, string> = { LOCATAIRE: 'Locataire', PROPRIETAIRE: 'Propriétaire' };

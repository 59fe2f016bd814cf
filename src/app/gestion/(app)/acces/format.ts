import type { TiersKind } from '@/generated/prisma/enums';

export const KIND_LABELS: Record<TiersKind, string> = { LOCATAIRE: 'Locataire', PROPRIETAIRE: 'Propriétaire' };

import type { PropertyKind } from '@/generated/prisma/enums';

export const PROPERTY_KIND_LABELS: Record<PropertyKind, string> = {
  APPARTEMENT: 'Appartement',
  MAISON: 'Maison',
  STUDIO: 'Studio',
  LOCAL_COMMERCIAL: 'Local commercial',
  PARKING: 'Parking',
  AUTRE: 'Autre',
};

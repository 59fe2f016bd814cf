import type { DocumentCategory } from '@/generated/prisma/enums';

export const DOCUMENT_CATEGORY_LABELS: Record<DocumentCategory, string> = {
  QUITTANCE: 'Quittance',
  AVIS_ECHEANCE: "Avis d'échéance",
  BAIL: 'Bail',
  ETAT_DES_LIEUX: 'État des lieux',
  COMPTE_RENDU_GERANCE: 'Compte rendu de gérance',
  AUTRE: 'Autre',
};

/** "850 ko", "1,2 Mo". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ko`;
  return `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

// French counts in messages: "1 accès inscrit", "3 accès inscrits", "1 234 mails envoyés" (grouped as in French).
const number = new Intl.NumberFormat('fr-FR');

/** The count and the word that agrees with it (French: 0 and 1 take the singular). */
export function countLabel(n: number, singular: string, plural: string): string {
  return `${number.format(n)} ${n > 1 ? plural : singular}`;
}

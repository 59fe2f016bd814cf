/** Lower-case, without accents or extra spaces: the key for name sort and search ("Éloïse  Dupré" → "eloise dupre"). */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function sortNameOf(t: { lastName: string; firstName?: string | null; companyName?: string | null }): string {
  return normalizeName([t.companyName || t.lastName, t.companyName ? '' : (t.firstName ?? '')].join(' '));
}

/** The fields displayName reads, for a Prisma `select`: `{ id: true, ...tiersNameSelect }`. */
export const tiersNameSelect = { civility: true, firstName: true, lastName: true, companyName: true } as const;

/** How staff and mails name a person: "Mme Claire Martin", or the company name. */
export function displayName(t: {
  civility?: string | null;
  lastName: string;
  firstName?: string | null;
  companyName?: string | null;
}): string {
  if (t.companyName) return t.companyName;
  return [t.civility, t.firstName, t.lastName].filter(Boolean).join(' ');
}

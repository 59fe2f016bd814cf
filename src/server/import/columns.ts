import { normalizeName } from '@/shared/tiers/names';
import { csvLine } from '@/shared/csv';
import type { ImportKind } from '@/shared/import/report';

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  tiers: 'Tiers (locataires et propriétaires)',
  biens: 'Biens',
  baux: 'Baux',
};

/** The columns of each file, in the template's order: header (as agency software names it) → field. */
export const IMPORT_COLUMNS = {
  tiers: [
    ['Type', 'kind'],
    ['Référence', 'externalRef'],
    ['Civilité', 'civility'],
    ['Nom', 'lastName'],
    ['Prénom', 'firstName'],
    ['Raison sociale', 'companyName'],
    ['E-mail', 'email'],
    ['Téléphone', 'phone'],
    ['Adresse', 'addressLine'],
    ['Code postal', 'postalCode'],
    ['Ville', 'city'],
  ],
  biens: [
    ['Référence bien', 'externalRef'],
    ['Référence propriétaire', 'ownerRef'],
    ['Type de bien', 'kind'],
    ['Adresse', 'addressLine'],
    ['Code postal', 'postalCode'],
    ['Ville', 'city'],
    ['Lot', 'unitLabel'],
    ['Surface', 'surfaceM2'],
  ],
  baux: [
    ['Référence bail', 'externalRef'],
    ['Référence bien', 'propertyRef'],
    ['Références locataires', 'tenantRefs'],
    ['Date de début', 'startDate'],
    ['Date de fin', 'endDate'],
    ['Loyer', 'rentCents'],
    ['Charges', 'chargesCents'],
    ['Dépôt de garantie', 'depositCents'],
  ],
} as const satisfies Record<ImportKind, readonly (readonly [string, string])[]>;

export function columnHeader(kind: ImportKind, field: string): string | null {
  return IMPORT_COLUMNS[kind].find(([, f]) => f === field)?.[0] ?? null;
}

const key = (header: string) =>
  normalizeName(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The kind of file a header row belongs to: the one whose columns are all there, the most specific first. */
export function detectKind(header: string[]): ImportKind | null {
  const present = new Set(header.map(key));
  const order: ImportKind[] = ['baux', 'biens', 'tiers'];
  return order.find((kind) => IMPORT_COLUMNS[kind].every(([h]) => present.has(key(h)))) ?? null;
}

/** Column index of each field, or the list of missing headers. */
export function mapHeader(
  kind: ImportKind,
  header: string[],
): { index: Record<string, number> } | { missing: string[] } {
  const positions = new Map(header.map((h, i) => [key(h), i] as const));
  const index: Record<string, number> = {};
  const missing: string[] = [];
  for (const [h, field] of IMPORT_COLUMNS[kind]) {
    const at = positions.get(key(h));
    if (at === undefined) missing.push(h);
    else index[field] = at;
  }
  return missing.length ? { missing } : { index };
}

/** The template: the header row, UTF-8 with a BOM so that Excel shows the accents. */
export function templateCsv(kind: ImportKind): string {
  return `\uFEFF${csvLine(IMPORT_COLUMNS[kind].map(([h]) => h))}`;
}

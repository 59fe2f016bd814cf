// Factories for tiers, biens, baux, documents and CSV imports.
import { IMPORT_COLUMNS } from '@/server/import/columns';
import { encodeWindows1252 } from '@/server/import/decode';
import { db } from '@/server/db';
import type { ImportKind } from '@/shared/import/report';

/** A CSV file as agency software exports it: header row, ";" separator, CRLF; UTF-8 (optionally with BOM) or Windows-1252. */
export function csvFile(
  kind: ImportKind,
  rows: string[][],
  options: { encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252'; name?: string } = {},
): File {
  const text = [IMPORT_COLUMNS[kind].map(([h]) => h), ...rows].map((r) => r.join(';')).join('\r\n') + '\r\n';
  const encoding = options.encoding ?? 'utf-8';
  const bytes =
    encoding === 'windows-1252'
      ? encodeWindows1252(text)
      : new TextEncoder().encode(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text);
  return new File([new Uint8Array(bytes)], options.name ?? `${kind}.csv`, { type: 'text/csv' });
}

/** A line of the tiers file, with overridable columns. */
export function tiersRow(
  overrides: Partial<
    Record<
      | 'type'
      | 'ref'
      | 'civility'
      | 'lastName'
      | 'firstName'
      | 'company'
      | 'email'
      | 'phone'
      | 'address'
      | 'postalCode'
      | 'city',
      string
    >
  > = {},
): string[] {
  const v = {
    type: 'Locataire',
    ref: 'LOC-1',
    civility: 'Mme',
    lastName: 'Martin',
    firstName: 'Claire',
    company: '',
    email: 'claire.martin@exemple.fr',
    phone: '06 12 34 56 78',
    address: '3 rue Pasteur',
    postalCode: '69003',
    city: 'Lyon',
    ...overrides,
  };
  return [
    v.type,
    v.ref,
    v.civility,
    v.lastName,
    v.firstName,
    v.company,
    v.email,
    v.phone,
    v.address,
    v.postalCode,
    v.city,
  ];
}

export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG_BYTES = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

export function fileOf(bytes: Uint8Array, name: string, type = 'application/octet-stream'): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

/** Row counts of everything an import or an action could write: "no DB change" means this does not move. */
export async function snapshotCounts() {
  const [tiers, properties, leases, leaseTenants, documents, events] = await Promise.all([
    db.tiers.count(),
    db.property.count(),
    db.lease.count(),
    db.leaseTenant.count(),
    db.document.count(),
    db.auditEvent.count(),
  ]);
  return { tiers, properties, leases, leaseTenants, documents, events };
}

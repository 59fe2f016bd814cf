import { z } from 'zod';
import { checkDates, leaseFields } from '@/server/leases/schemas';
import { propertyFields } from '@/server/properties/schemas';
import { requiredText } from '@/shared/fields';
import { ALWAYS, ZTiersFields } from '@/server/tiers/schemas';
import { readCsv } from './csv';
import { columnHeader, detectKind, IMPORT_COLUMNS, mapHeader } from './columns';
import { decodeCsv } from './decode';
import type { CsvEncoding, ImportKind, LineError } from '@/shared/import/report';

export class ImportFileError extends Error {}

const REF_REQUIRED = 'Saisissez la référence : elle permet de retrouver la ligne lors du prochain import.';
const requireRef = (v: { externalRef?: unknown }, ctx: z.RefinementCtx) => {
  if (v.externalRef === null || v.externalRef === undefined)
    ctx.addIssue({ code: 'custom', path: ['externalRef'], message: REF_REQUIRED });
};

const ZTiersRow = ZTiersFields.superRefine(requireRef, ALWAYS);
const ZPropertyRow = z
  .object({
    ...propertyFields,
    ownerRef: requiredText('Référence propriétaire', 50, 'Saisissez la référence du propriétaire du bien.'),
  })
  .superRefine(requireRef, ALWAYS);
const ZLeaseRow = z
  .object({
    ...leaseFields,
    propertyRef: requiredText('Référence bien', 50, 'Saisissez la référence du bien loué.'),
    tenantRefs: z.preprocess(
      (v) =>
        typeof v === 'string'
          ? [
              ...new Set(
                v
                  .split(/[,|]/)
                  .map((s) => s.trim())
                  .filter(Boolean),
              ),
            ]
          : [],
      z
        .array(z.string().max(50))
        .min(1, 'Saisissez au moins une référence de locataire (plusieurs : séparées par des virgules).'),
    ),
  })
  .superRefine(requireRef, ALWAYS)
  .superRefine(checkDates, ALWAYS);

const ROW_SCHEMAS = { tiers: ZTiersRow, biens: ZPropertyRow, baux: ZLeaseRow };

export type RowValues = {
  tiers: z.output<typeof ZTiersRow>;
  biens: z.output<typeof ZPropertyRow>;
  baux: z.output<typeof ZLeaseRow>;
};

export type ValidatedRow<K extends ImportKind> = { line: number; raw: Record<string, string> } & (
  { values: RowValues[K]; errors?: undefined } | { values?: undefined; errors: LineError[] }
);

/**
 * A file ready to be read line by line: its kind, encoding and number of lines are known (the header is checked and
 * the lines counted once), and `rows()` validates the lines one at a time, so memory holds one batch, not the file.
 */
export type ImportFile<K extends ImportKind = ImportKind> = {
  kind: K;
  encoding: CsvEncoding;
  total: number;
  rows(): Generator<ValidatedRow<K>>;
};

/** Decodes and reads the header; every line is validated, when read, with the same schemas as the forms. */
export function openImportFile(bytes: Uint8Array, requested: ImportKind | null): ImportFile {
  const { text, encoding } = decodeCsv(bytes);
  const header = readCsv(text).next().value;
  if (!header)
    throw new ImportFileError(
      'Le fichier est vide : exportez vos données avec une ligne d’en-tête, ou partez du modèle à télécharger.',
    );
  const detected = detectKind(header.cells);
  const kind = requested ?? detected;
  if (!kind)
    throw new ImportFileError(
      'Type de fichier non reconnu : choisissez le type (tiers, biens ou baux) ou vérifiez les noms des colonnes de la première ligne (voir le modèle).',
    );
  const mapped = mapHeader(kind, header.cells);
  if ('missing' in mapped) {
    throw new ImportFileError(
      `Colonne${mapped.missing.length > 1 ? 's' : ''} manquante${mapped.missing.length > 1 ? 's' : ''} dans la première ligne : ${mapped.missing.map((m) => `« ${m} »`).join(', ')}. Partez du modèle à télécharger.`,
    );
  }
  let total = -1; // the header
  for (const _ of readCsv(text)) total++;
  if (!total)
    throw new ImportFileError('Le fichier ne contient aucune ligne après l’en-tête : ajoutez au moins une ligne.');
  const schema = ROW_SCHEMAS[kind];
  const { index } = mapped;
  function* rows(): Generator<ValidatedRow<ImportKind>> {
    const records = readCsv(text);
    records.next(); // the header
    for (const { line, cells } of records) {
      const raw: Record<string, string> = {};
      for (const [, field] of IMPORT_COLUMNS[kind!]) raw[field] = (cells[index[field]] ?? '').trim();
      const parsed = schema.safeParse(raw);
      if (parsed.success) yield { line, raw, values: parsed.data } as ValidatedRow<ImportKind>;
      else
        yield {
          line,
          raw,
          errors: parsed.error.issues.map((i) => ({
            column: columnHeader(kind!, String(i.path[0] ?? '')),
            message: i.message,
          })),
        };
    }
  }
  return { kind, encoding, total, rows };
}

// What the import's dry run and import report, line by line: the server writes it, the import form shows it.

export type ImportKind = 'tiers' | 'biens' | 'baux';

/** The encodings an agency's export comes in (src/server/import/decode.ts). */
export type CsvEncoding = 'UTF-8' | 'Windows-1252';

/** Why a line is refused (or warned about), and in which column of the file. */
export type LineError = { column: string | null; message: string };

export type ImportLine = {
  line: number;
  action: 'create' | 'update' | 'refuse';
  reference: string | null;
  label: string;
  errors: LineError[];
  /** Kept lines the person may still want to check: an e-mail that looks mistyped or is another tiers' (issue 15). */
  warnings?: LineError[];
};

export type ImportReport = {
  kind: ImportKind;
  encoding: CsvEncoding;
  total: number;
  created: number;
  updated: number;
  refused: number;
  /** Lines kept with a warning on their e-mail (issue 15); absent in reports written before. */
  warned?: number;
  /** In file order, at most REPORT_LINES_KEPT refused lines, as many with warnings and as many others: what the page shows. */
  lines: ImportLine[];
};

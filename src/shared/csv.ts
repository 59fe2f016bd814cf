// Writing CSV for Excel in French: `;` between cells, CRLF between lines (the journal's export, the import's
// templates). The reader is src/server/import/csv.ts.

/**
 * One cell: quoted when it holds the separator, a quote or a line break (quotes doubled); a cell that would start a
 * formula (`=`, `+`, `-`, `@`, tab, carriage return) is prefixed with `'` so that a spreadsheet shows it as text.
 */
export function csvField(value: string | null | undefined): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[;"\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** One line of cells, ended by CRLF. */
export function csvLine(fields: (string | null | undefined)[]): string {
  return `${fields.map(csvField).join(';')}\r\n`;
}

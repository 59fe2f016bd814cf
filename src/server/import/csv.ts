// A small RFC 4180 reader with the ";" separator of French exports: quoted fields may hold ";", quotes ("")
// and line breaks. Each record keeps the file line number where it starts, for the report.

export type CsvRecord = { line: number; cells: string[] };

/** The records one by one, so that a large file is never held as one array of rows. */
export function* readCsv(text: string, separator = ';'): Generator<CsvRecord> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      cell = '';
      if (cells.some((x) => x.trim() !== '')) yield { line: start, cells };
      cells = [];
      start = ++line;
    } else cell += c;
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    if (cells.some((x) => x.trim() !== '')) yield { line: start, cells };
  }
}

/** One CSV cell: quoted when it holds the separator, a quote or a line break. */
export function csvCell(value: string, separator = ';'): string {
  return /["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value;
}

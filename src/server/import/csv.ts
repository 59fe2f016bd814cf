// A small RFC 4180 reader with the ";" separator of French exports: quoted fields may hold ";", quotes ("")
// and line breaks. Each record keeps the file line number where it starts, for the report.

export type CsvRecord = { line: number; cells: string[] };

/**
 * The records one by one, so that a large file is never held as one array of rows. An unquoted cell is one slice of
 * the text (no string built character by character: that garbage alone grew the heap by ~100 MB on 100,000 lines).
 */
export function* readCsv(text: string, separator = ';'): Generator<CsvRecord> {
  let cells: string[] = [];
  let line = 1;
  let start = 1;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    // One cell, from i: quoted (may hold the separator, "" and line breaks) or plain up to the next separator/break.
    let cell: string;
    let j = i;
    while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
    if (j < n && text[j] === '"') {
      let value = '';
      let from = j + 1;
      for (j = from; j < n; j++) {
        if (text[j] === '"') {
          value += text.slice(from, j);
          if (text[j + 1] === '"') {
            value += '"';
            from = ++j + 1;
          } else break;
        } else if (text[j] === '\n') line++;
      }
      if (j >= n) value += text.slice(from, n);
      j++; // past the closing quote
      // Anything after the closing quote up to the separator belongs to the cell, as the reader always did.
      let end = j;
      while (end < n && text[end] !== separator && text[end] !== '\n' && text[end] !== '\r') end++;
      cell = value + text.slice(j, end);
      j = end;
    } else {
      j = i;
      while (j < n && text[j] !== separator && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
    }
    cells.push(cell);
    if (j < n && text[j] === separator) {
      i = j + 1;
      continue;
    }
    // End of record: a line break or the end of the text.
    if (cells.some((x) => x.trim() !== '')) yield { line: start, cells };
    cells = [];
    if (j >= n) break;
    i = text[j] === '\r' && text[j + 1] === '\n' ? j + 2 : j + 1;
    start = ++line;
  }
}

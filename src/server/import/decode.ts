import type { CsvEncoding } from '@/shared/import/report';

// Agency software exports either UTF-8 (with or without BOM) or Windows-1252 ("ANSI" in Excel).

// Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as latin-1 control characters instead of € ’ œ …
// (measured here: 0x80 → U+0080). WHATWG's table for those 32 bytes puts them back.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Valid UTF-8 (BOM stripped) is read as UTF-8; anything else as Windows-1252. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    // ignoreBOM: false means "consume the BOM", so it never reaches the first header cell.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    const latin = new TextDecoder('windows-1252').decode(bytes);
    return {
      text: latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]),
      encoding: 'Windows-1252',
    };
  }
}

/** The reverse, for tests and templates: text → Windows-1252 bytes (characters outside the code page become "?"). */
export function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      const high = CP1252_HIGH.indexOf(c);
      if (high >= 0 && !(code >= 0x80 && code <= 0x9f)) return 0x80 + high;
      return code < 0x100 && !(code >= 0x80 && code <= 0x9f) ? code : 0x3f;
    }),
  );
}

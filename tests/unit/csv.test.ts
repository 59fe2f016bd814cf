import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from '@/shared/csv';

describe('csvField, the one CSV cell writer', () => {
  it('quotes a cell that holds the separator, a quote or a line break, and doubles its quotes', () => {
    expect(csvField('Dupont')).toBe('Dupont');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('dit "bonjour"')).toBe('"dit ""bonjour"""');
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('a,b')).toBe('a,b');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  // The import's template writer (import/csv.ts csvCell) did not guard against formula injection; this one does.
  it('never lets a cell start a formula: =, +, -, @, tab and carriage return are prefixed with an apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+33 6 12 34 56 78')).toBe("'+33 6 12 34 56 78");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('joins a line with ; and ends it with CRLF', () => {
    expect(csvLine(['Date', 'a;b', null, '=1'])).toBe(`Date;"a;b";;'=1\r\n`);
  });
});

// The loupe shows a mail's headers as staff read them: one line per field (RFC 5322 folding undone) and the
// encoded words of RFC 2047 (=?UTF-8?B?…?=, =?UTF-8?Q?…?=) decoded.

const ENCODED_WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;

function decodeWord(charset: string, encoding: string, text: string): string {
  const bytes =
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        );
  try {
    return new TextDecoder(charset.toLowerCase().split('*')[0]).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/** A header value with its encoded words decoded; white space between two encoded words is dropped (RFC 2047 §6.2). */
export function decodeHeaderValue(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(ENCODED_WORD, (_, charset: string, encoding: string, text: string) => decodeWord(charset, encoding, text));
}

/** A raw header block ("Name: value" lines, folded) as [name, decoded value] pairs, in order. */
export function decodeHeaders(raw: string): [string, string][] {
  return raw
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)
    .filter((line) => line.includes(':'))
    .map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), decodeHeaderValue(line.slice(at + 1).trim())];
    });
}

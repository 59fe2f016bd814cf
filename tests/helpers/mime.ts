// Reads what the SMTP peer received: headers and the decoded text/plain and text/html parts of a MIME message.
export type ParsedMail = { headers: Record<string, string>; text: string; html: string };

function splitHead(raw: string): [Record<string, string>, string] {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return [headers, raw.slice(at + 4)];
}

function decode(body: string, encoding = ''): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decode(text.replace(/_/g, ' '), 'quoted-printable'),
    );
}

/** Bodies come back with \n line ends, as they are stored. */
export function parseMail(raw: string): ParsedMail {
  const [headers, body] = splitHead(raw);
  const out: ParsedMail = { headers, text: '', html: '' };
  const walk = (h: Record<string, string>, b: string) => {
    const type = h['content-type'] ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (boundary) {
      for (const part of b.split(`--${boundary}`).slice(1)) {
        if (part.startsWith('--')) break;
        const [ph, pb] = splitHead(part.replace(/^\r\n/, ''));
        walk(ph, pb.replace(/\r\n$/, ''));
      }
    } else if (/text\/html/i.test(type)) out.html = decode(b, h['content-transfer-encoding']).replace(/\r\n/g, '\n');
    else if (/text\/plain/i.test(type)) out.text = decode(b, h['content-transfer-encoding']).replace(/\r\n/g, '\n');
  };
  walk(headers, body);
  return out;
}

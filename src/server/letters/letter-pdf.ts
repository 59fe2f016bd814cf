import 'server-only';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { SECRET_PLACEHOLDER } from '@/server/mail/templates';
import type { LetterContent } from './letter-content';

// A4 in PDF points (1 mm = 72 / 25.4 pt).
const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const LEFT = 20 * MM;
const RIGHT = PAGE.width - 20 * MM;
/**
 * The address block sits in the window of a French DL / C5 window envelope ("fenêtre à droite", NF EN ISO 269 and
 * La Poste's guide): the window starts about 100 mm from the left edge and 45-50 mm from the top of the folded sheet.
 */
const WINDOW = { left: 100 * MM, top: 48 * MM };
const INK = rgb(0.06, 0.09, 0.16);
const GREY = rgb(0.28, 0.33, 0.41);

type Fonts = { regular: PDFFont; bold: PDFFont; mono: PDFFont };

/**
 * The standard PDF fonts speak WinAnsi (Latin-1 plus ’ « » – … € œ): French prints as is, and a character outside it
 * (a narrow no-break space from Intl, an emoji typed in a name) becomes its nearest equivalent or "?" instead of
 * failing the whole print.
 */
function printable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return [...text.replace(/[\u202f\u2009\u2007]/g, ' ').replace(/[\u2010\u2011]/g, '-')]
    .map((c) => (known.has(c.codePointAt(0)!) ? c : '?'))
    .join('');
}

/** Cuts a text into lines that fit `width`, by words, and a word longer than a line (a link) by characters. */
function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line)) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws a QR code as vector squares (sharp at any printer resolution), top-left corner at (x, top). */
function drawQr(page: PDFPage, value: string, x: number, top: number, size: number) {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
  const cell = size / (modules.size + 8);
  const origin = { x: x + 4 * cell, y: top - 4 * cell };
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col))
        page.drawRectangle({
          x: origin.x + col * cell,
          y: origin.y - (row + 1) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
}

function drawLetter(doc: PDFDocument, fonts: Fonts, letter: LetterContent, secret: string) {
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const put = (s: string) => s.split(SECRET_PLACEHOLDER).join(secret);
  const text = (s: string, x: number, y: number, size: number, font = fonts.regular, color = INK) =>
    page.drawText(printable(font, s), { x, y, size, font, color });

  // Letterhead.
  let y = PAGE.height - 18 * MM;
  letter.sender.forEach((line, i) => {
    text(line, LEFT, y, i === 0 ? 14 : 9.5, i === 0 ? fonts.bold : fonts.regular, i === 0 ? INK : GREY);
    y -= i === 0 ? 16 : 12;
  });

  // The window block: first baseline just under the window's top edge.
  y = PAGE.height - WINDOW.top - 11;
  letter.recipient.forEach((line, i) => {
    text(line, WINDOW.left, y, 11, i === 0 ? fonts.bold : fonts.regular);
    y -= 14;
  });

  y = PAGE.height - 100 * MM;
  text(letter.dateLine, WINDOW.left, y, 10.5);
  y -= 30;
  const width = RIGHT - LEFT;
  const paragraph = (s: string, size = 10.5, font = fonts.regular, gap = 8) => {
    for (const line of wrap(font, size, printable(font, put(s)), width)) {
      text(line, LEFT, y, size, font);
      y -= size * 1.35;
    }
    y -= gap;
  };
  paragraph(letter.subject, 11, fonts.bold, 10);
  paragraph(letter.greeting);
  letter.paragraphs.forEach((p) => paragraph(p));

  // The facts, boxed, with the QR code at the right.
  const qrSize = letter.qr ? 34 * MM : 0;
  const factsWidth = width - 16 - (qrSize ? qrSize + 8 : 0);
  const factLines = letter.facts.map((f) => {
    const font = f.mono ? fonts.mono : fonts.bold;
    const size = f.mono ? 11 : 10.5;
    return { label: f.label, font, size, lines: wrap(font, size, printable(font, put(f.value)), factsWidth) };
  });
  const factsHeight = factLines.reduce((h, f) => h + 12 + f.lines.length * (f.size * 1.3) + 6, 0);
  const boxHeight = Math.max(factsHeight, qrSize + 14) + 12;
  page.drawRectangle({
    x: LEFT,
    y: y - boxHeight,
    width,
    height: boxHeight,
    color: rgb(0.93, 0.96, 1),
    borderColor: rgb(0.7, 0.78, 0.9),
    borderWidth: 0.8,
  });
  let fy = y - 16;
  for (const f of factLines) {
    text(f.label, LEFT + 8, fy, 9, fonts.regular, GREY);
    fy -= 12 + 1;
    for (const line of f.lines) {
      text(line, LEFT + 8, fy, f.size, f.font);
      fy -= f.size * 1.3;
    }
    fy -= 6;
  }
  if (letter.qr) {
    const qrX = RIGHT - qrSize - 6;
    drawQr(page, put(letter.qr.value), qrX, y - 4, qrSize);
    const caption = printable(fonts.regular, letter.qr.caption);
    text(
      caption,
      qrX + (qrSize - fonts.regular.widthOfTextAtSize(caption, 8)) / 2,
      y - qrSize - 8,
      8,
      fonts.regular,
      GREY,
    );
  }
  y -= boxHeight + 16;

  paragraph('Comment faire', 11, fonts.bold, 2);
  letter.steps.forEach((step, i) => {
    const lines = wrap(fonts.regular, 10, printable(fonts.regular, put(step)), width - 16);
    text(`${i + 1}.`, LEFT, y, 10, fonts.bold);
    for (const line of lines) {
      text(line, LEFT + 16, y, 10);
      y -= 13.5;
    }
    y -= 3;
  });
  y -= 10;
  letter.closing.forEach((line) => paragraph(line, 10.5, fonts.regular, 2));
}

/**
 * One A4 page per letter, each with its secret: the only place a printed secret ever exists in clear. Built with
 * pdf-lib and the standard fonts (nothing to embed, text that pdftotext and screen readers read back).
 */
export async function lettersPdf(letters: { content: LetterContent; secret: string }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(letters.length > 1 ? 'Lettres d’identifiants' : 'Lettre d’identifiants');
  doc.setLanguage('fr-FR');
  doc.setProducer('Trousseau');
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  for (const { content, secret } of letters) drawLetter(doc, fonts, content, secret);
  return doc.save();
}

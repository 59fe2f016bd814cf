import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * A one-page A4 PDF showing `lines` (Helvetica, WinAnsi: French accents print correctly), written with pdf-lib like the
 * credential letters (docs/decisions/025). No metadata dates, so the same lines give the same bytes.
 */
export async function demoPdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 22, size: i === 0 ? 16 : 11, font }));
  return doc.save();
}

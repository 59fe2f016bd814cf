// The type of an uploaded file is decided by its first bytes; its name must agree.

export type AcceptedType = {
  mime: 'application/pdf' | 'image/png' | 'image/jpeg';
  label: string;
  extensions: string[];
};

const TYPES: (AcceptedType & { magic: number[] })[] = [
  { mime: 'application/pdf', label: 'PDF', extensions: ['.pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/png', label: 'PNG', extensions: ['.png'], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', label: 'JPEG', extensions: ['.jpg', '.jpeg'], magic: [0xff, 0xd8, 0xff] },
];

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export function sniffType(bytes: Uint8Array): AcceptedType | null {
  const found = TYPES.find((t) => t.magic.every((b, i) => bytes[i] === b));
  return found ? { mime: found.mime, label: found.label, extensions: found.extensions } : null;
}

/** null when the file is acceptable, else the French sentence that says why not and what to send. */
export function checkDocumentFile(fileName: string, bytes: Uint8Array): { error: string } | { type: AcceptedType } {
  if (bytes.length === 0) return { error: `Le fichier « ${fileName} » est vide : choisissez un autre fichier.` };
  if (bytes.length > MAX_DOCUMENT_BYTES)
    return {
      error: `Le fichier « ${fileName} » dépasse 10 Mo : réduisez sa taille (PDF compressé, image moins lourde) puis réessayez.`,
    };
  const ext = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
  const named = TYPES.find((t) => t.extensions.includes(ext));
  if (!named) return { error: `Le fichier « ${fileName} » n'est pas accepté : envoyez un PDF, un PNG ou un JPEG.` };
  const type = sniffType(bytes);
  if (!type || type.mime !== named.mime) {
    return {
      error: `Le fichier « ${fileName} » n'est pas un vrai ${named.label} : son contenu ne correspond pas à son nom. Envoyez le document d'origine en PDF, PNG ou JPEG.`,
    };
  }
  return { type };
}

import 'server-only';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { getDocumentStorage } from './storage';

type StoredDocument = { fileName: string; mimeType: string; sizeBytes: number; storageKey: string };

/**
 * The streamed HTTP response for a document the caller is allowed to see (the caller checks that).
 * Shared by the staff download and the extranet's, so both send the same safe headers.
 */
export async function documentResponse(document: StoredDocument): Promise<Response> {
  let body: ReadableStream<Uint8Array>;
  try {
    body = await getDocumentStorage().read(document.storageKey);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('document file');
    throw error;
  }
  const ascii = document.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(body, {
    headers: {
      'Content-Type': document.mimeType,
      'Content-Length': String(document.sizeBytes),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Staff may download any document; an unknown id is "not found". */
export async function staffDocumentResponse(id: string): Promise<Response> {
  const document = await db.document.findUnique({
    where: { id },
    select: { fileName: true, mimeType: true, sizeBytes: true, storageKey: true },
  });
  if (!document) throw new NotFoundError('document');
  return documentResponse(document);
}

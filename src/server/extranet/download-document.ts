import 'server-only';
import { getDocumentStorage } from '@/server/documents/storage';
import { NotFoundError } from '@/server/errors';
import { getMyDocument } from './my-documents';
import type { ExtranetActor } from './session-validity';

/** A streamed download of one of the person's documents; another person's id is not found. */
export async function downloadMyDocument(who: Pick<ExtranetActor, 'tiersId' | 'kind'>, documentId: string): Promise<Response> {
  if (!/^[a-z0-9_-]{1,64}$/i.test(documentId)) throw new NotFoundError('document');
  const document = await getMyDocument(who, documentId);
  const body = await getDocumentStorage()
    .read(document.storageKey)
    .catch(() => {
      throw new NotFoundError('document file');
    });
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

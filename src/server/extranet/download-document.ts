import 'server-only';
import { documentResponse } from '@/server/documents/document-response';
import { NotFoundError } from '@/server/errors';
import { getMyDocument } from './my-documents';
import type { ExtranetActor } from './session-validity';

/** A streamed download of one of the person's documents; another person's id is not found. */
export async function downloadMyDocument(
  who: Pick<ExtranetActor, 'tiersId' | 'kind'>,
  documentId: string,
): Promise<Response> {
  if (!/^[a-z0-9_-]{1,64}$/i.test(documentId)) throw new NotFoundError('document');
  return documentResponse(await getMyDocument(who, documentId));
}

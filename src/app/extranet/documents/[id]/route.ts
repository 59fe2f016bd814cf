import { getExtranetActor } from '@/server/extranet/extranet-session';
import { NotFoundError } from '@/server/errors';
import { downloadMyDocument } from '@/server/extranet/download-document';

// Streams a document to its owner only. Signed out, or someone else's document: 404 alike, nothing leaks.
export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getExtranetActor();
  const notFound = () =>
    new Response('Document introuvable.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (!actor || actor.mustChangePassword) return notFound();
  try {
    return await downloadMyDocument(actor, (await params).id);
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
}

import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { findDocument } from './find-document';
import { getDocumentStorage } from './storage';

/**
 * Deletes a document (a file attached to the wrong person, say): the record and its journal event in one
 * transaction, then the stored bytes. In that order a failure can leave a file without a record, never a record
 * without its file; the journal keeps the name, category and sha256 of what was deleted.
 */
export async function deleteDocument(actor: StaffAudit, id: string): Promise<string> {
  const document = await db.$transaction(async (tx) => {
    const found = await findDocument(tx, id);
    await tx.document.delete({ where: { id: found.id } });
    await recordEvent(tx, actor, {
      type: 'document.deleted',
      tiersId: found.tiersId,
      targetId: found.id,
      details: {
        title: found.title,
        fileName: found.fileName,
        category: found.category,
        sha256: found.sha256,
        sizeBytes: found.sizeBytes,
      },
    });
    return found;
  });
  await getDocumentStorage()
    .remove(document.storageKey)
    .catch((error: unknown) =>
      console.warn(
        `[document ${document.id}] deleted, but its file could not be removed:`,
        (error as Error)?.message ?? error,
      ),
    );
  return `Le document « ${document.title} » est supprimé.`;
}

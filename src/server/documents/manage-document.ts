import 'server-only';
import { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db, type Tx } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { getDocumentStorage } from './storage';
import { targetTiers } from './upload-document';

const ZDocument = z.object({ id: z.string().min(1).max(64) });
const ZVisibility = ZDocument.extend({ visible: z.enum(['true', 'false']).transform((v) => v === 'true') });

const documentFields = {
  id: true,
  title: true,
  fileName: true,
  category: true,
  sha256: true,
  sizeBytes: true,
  storageKey: true,
  visibleOnExtranet: true,
  tiersId: true,
  propertyId: true,
  leaseId: true,
} as const;

async function findDocument(tx: Tx, id: string) {
  const document = await tx.document.findUnique({ where: { id }, select: documentFields });
  if (!document) throw new NotFoundError('document');
  const tiersId = document.tiersId
    ? document.tiersId
    : document.propertyId
      ? await targetTiers(tx, 'property', document.propertyId)
      : document.leaseId
        ? await targetTiers(tx, 'lease', document.leaseId)
        : null;
  return { ...document, tiersId };
}

/** Shows a document on the extranet of the people it concerns, or hides it from them; journaled. */
export const setDocumentVisibilityAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZVisibility,
  async run({ input, audit }) {
    return db.$transaction(async (tx) => {
      const document = await findDocument(tx, input.id);
      const said = input.visible
        ? `« ${document.title} » est visible sur l'extranet.`
        : `« ${document.title} » n'est plus visible sur l'extranet.`;
      if (document.visibleOnExtranet === input.visible) return { message: said };
      await tx.document.update({ where: { id: document.id }, data: { visibleOnExtranet: input.visible } });
      await recordEvent(tx, audit, {
        type: 'document.visibility_changed',
        tiersId: document.tiersId,
        targetId: document.id,
        details: { title: document.title, visibleOnExtranet: input.visible },
      });
      return { message: said };
    });
  },
});

/**
 * Deletes a document (a file attached to the wrong person, say): the record and its journal event in one
 * transaction, then the stored bytes. In that order a failure can leave a file without a record, never a record
 * without its file; the journal keeps the name, category and sha256 of what was deleted.
 */
export const deleteDocumentAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZDocument,
  async run({ input, audit }) {
    const document = await db.$transaction(async (tx) => {
      const found = await findDocument(tx, input.id);
      await tx.document.delete({ where: { id: found.id } });
      await recordEvent(tx, audit, {
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
    return { message: `Le document « ${document.title} » est supprimé.` };
  },
});

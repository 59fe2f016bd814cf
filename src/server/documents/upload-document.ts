import 'server-only';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { checkDocumentFile } from './file-type';
import { targetTiers } from './find-document';
import type { ZUploadDocument } from './schemas';
import { getDocumentStorage } from './storage';

/**
 * Checks the file by its content, stores the bytes, then records the document and its journal event in one
 * transaction; if that transaction fails the stored bytes are removed, so no file is left without a record.
 */
export async function uploadDocument(
  actor: StaffAudit,
  input: z.output<typeof ZUploadDocument>,
): Promise<{ id: string; message: string }> {
  const { file, targetType, targetId } = input;
  // An empty file field still sends a nameless, empty File.
  if (!file.name && file.size === 0)
    throw new UserError('Choisissez un fichier à envoyer (PDF, PNG ou JPEG, 10 Mo au maximum).');
  const fileName = file.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(-200);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkDocumentFile(fileName, bytes);
  if ('error' in checked) throw new UserError(checked.error);

  const storage = getDocumentStorage();
  const storageKey = await storage.put(bytes, fileName);
  try {
    return await db.$transaction(async (tx) => {
      const tiersId = await targetTiers(tx, targetType, targetId);
      const document = await tx.document.create({
        data: {
          title: input.title ?? fileName.replace(/\.[^.]+$/, ''),
          category: input.category,
          fileName,
          mimeType: checked.type.mime,
          sizeBytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          storageKey,
          visibleOnExtranet: input.visibleOnExtranet,
          uploadedById: actor.staffId,
          ...(targetType === 'tiers'
            ? { tiersId: targetId }
            : targetType === 'property'
              ? { propertyId: targetId }
              : { leaseId: targetId }),
        },
        select: { id: true, title: true },
      });
      await recordEvent(tx, actor, {
        type: 'document.uploaded',
        tiersId,
        targetId: document.id,
        details: {
          fileName,
          category: input.category,
          attachedTo: targetType,
          attachedId: targetId,
          visibleOnExtranet: input.visibleOnExtranet,
        },
      });
      return { id: document.id, message: `Le document « ${document.title} » est enregistré.` };
    });
  } catch (error) {
    await storage.remove(storageKey);
    throw error;
  }
}

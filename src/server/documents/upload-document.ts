import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db, type Tx } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { optionalText, ZCheckbox } from '@/shared/fields';
import { DOCUMENT_CATEGORY_LABELS } from './document-labels';
import { checkDocumentFile } from './file-type';
import { getDocumentStorage } from './storage';

const CATEGORIES = Object.keys(DOCUMENT_CATEGORY_LABELS) as [
  keyof typeof DOCUMENT_CATEGORY_LABELS,
  ...(keyof typeof DOCUMENT_CATEGORY_LABELS)[],
];

export const ZUploadDocument = z.object({
  targetType: z.enum(['tiers', 'property', 'lease']),
  targetId: z.string().min(1).max(64),
  category: z.enum(CATEGORIES, 'Choisissez la catégorie du document.'),
  title: optionalText('Titre', 150),
  visibleOnExtranet: ZCheckbox,
  file: z.instanceof(File, { message: 'Choisissez un fichier à envoyer (PDF, PNG ou JPEG, 10 Mo au maximum).' }),
});

/**
 * Checks the file by its content, stores the bytes, then records the document and its journal event in one
 * transaction; if that transaction fails the stored bytes are removed, so no file is left without a record.
 */
export const uploadDocumentAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZUploadDocument,
  async run({ input, actor, audit }) {
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
            uploadedById: actor.id,
            ...(targetType === 'tiers'
              ? { tiersId: targetId }
              : targetType === 'property'
                ? { propertyId: targetId }
                : { leaseId: targetId }),
          },
          select: { id: true, title: true },
        });
        await recordEvent(tx, audit, {
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
        return { message: `Le document « ${document.title} » est enregistré.`, data: { id: document.id } };
      });
    } catch (error) {
      await storage.remove(storageKey);
      throw error;
    }
  },
});

/** The target must exist; the journal links the event to the person concerned when there is one. */
export async function targetTiers(tx: Tx, type: 'tiers' | 'property' | 'lease', id: string): Promise<string | null> {
  if (type === 'tiers') {
    if (!(await tx.tiers.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError('tiers');
    return id;
  }
  if (type === 'property') {
    const property = await tx.property.findUnique({ where: { id }, select: { ownerId: true } });
    if (!property) throw new NotFoundError('property');
    return property.ownerId;
  }
  const lease = await tx.lease.findUnique({
    where: { id },
    select: { tenants: { where: { isPrimary: true }, select: { tiersId: true }, take: 1 } },
  });
  if (!lease) throw new NotFoundError('lease');
  return lease.tenants[0]?.tiersId ?? null;
}

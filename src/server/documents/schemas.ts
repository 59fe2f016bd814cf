import 'server-only';
import { z } from 'zod';
import { optionalText, ZCheckbox } from '@/shared/fields';
import { DOCUMENT_CATEGORY_LABELS } from '@/shared/documents/labels';

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

export const ZDocument = z.object({ id: z.string().min(1).max(64) });
export const ZVisibility = ZDocument.extend({ visible: z.enum(['true', 'false']).transform((v) => v === 'true') });

import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { documentListSelect } from '@/server/documents/document-select';
import { parisToday } from '@/server/leases/french-formats';
import type { ExtranetActor } from './session-validity';

type Who = Pick<ExtranetActor, 'tiersId' | 'kind'>;

/**
 * Which documents a person sees (docs/decisions/034): only those marked visibleOnExtranet, and
 * - a tenant: their own, their leases', and the general ones of a bien they currently lease (not the owner's
 *   comptes rendus de gérance);
 * - an owner: their own and those of their biens.
 */
export function documentScope(who: Who, now = new Date()): Prisma.DocumentWhereInput {
  const today = parisToday(now);
  const mine: Prisma.DocumentWhereInput[] =
    who.kind === 'LOCATAIRE'
      ? [
          { tiersId: who.tiersId },
          { lease: { tenants: { some: { tiersId: who.tiersId } } } },
          {
            leaseId: null,
            tiersId: null,
            category: { not: 'COMPTE_RENDU_GERANCE' },
            property: {
              leases: {
                some: {
                  tenants: { some: { tiersId: who.tiersId } },
                  OR: [{ endDate: null }, { endDate: { gte: today } }],
                },
              },
            },
          },
        ]
      : [{ tiersId: who.tiersId }, { leaseId: null, tiersId: null, property: { ownerId: who.tiersId } }];
  return { visibleOnExtranet: true, OR: mine };
}

export async function listMyDocuments(who: Who) {
  return db.document.findMany({
    where: documentScope(who),
    select: documentListSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: 200,
  });
}
export type MyDocument = Awaited<ReturnType<typeof listMyDocuments>>[number];

/** A document the person may download, with its storage key; anyone else's answers not found. */
export async function getMyDocument(who: Who, documentId: string) {
  const document = await db.document.findFirst({
    where: { AND: [{ id: documentId }, documentScope(who)] },
    select: { ...documentListSelect, storageKey: true },
  });
  if (!document) throw new NotFoundError('document');
  return document;
}

import 'server-only';
import { z } from 'zod';
import { MailStatus, MailType } from '@/generated/prisma/enums';
import { db } from '@/server/db';
import { parsePersonSearch, searchTiersIds } from '@/server/db/person-search.sql';

export const ZOutboxFilter = z.object({
  statut: z.enum(MailStatus).optional().catch(undefined),
  type: z.enum(MailType).optional().catch(undefined),
  /** Destinataire: the person as typed (docs/decisions/014), or part of the address. */
  q: z.string().trim().max(200).catch('').default(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TOutboxFilter = z.output<typeof ZOutboxFilter>;

export const OUTBOX_PAGE_SIZE = 50;

/** At most this many people matching a Destinataire search. */
const SEARCHED_PEOPLE = 200;

/** One page of the centre d'envoi, newest first. */
export async function listOutbox(filter: TOutboxFilter) {
  const search = filter.q ? parsePersonSearch(filter.q) : null;
  const recipient = search
    ? {
        OR: [
          { tiersId: { in: await searchTiersIds(search, SEARCHED_PEOPLE) } },
          { toAddress: { contains: filter.q.toLowerCase() } },
        ],
      }
    : {};
  const where = { status: filter.statut, type: filter.type, ...recipient };
  const [rows, total] = await Promise.all([
    db.outboxMail.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filter.page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        sentAt: true,
        toAddress: true,
        toName: true,
        subject: true,
        type: true,
        status: true,
        lastError: true,
        attempts: true,
        nextAttemptAt: true,
        maybeDelivered: true,
        deliveryKind: true,
        deliveryAt: true,
        deliveryDetail: true,
      },
    }),
    db.outboxMail.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}

/** Mails per status, for the menu: staff see at a glance what waits for them. */
export async function countOutboxByStatus(): Promise<Partial<Record<MailStatus, number>>> {
  const groups = await db.outboxMail.groupBy({
    by: ['status'],
    where: { status: { in: ['PENDING_REVIEW', 'SENDING', 'FAILED', 'TO_PRINT'] } },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

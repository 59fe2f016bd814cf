import 'server-only';
import { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db';
import { displayName } from '@/shared/tiers/names';
import { parsePersonSearch, searchTiersIds } from '@/server/db/person-search.sql';
import { TARGET_TYPES } from './events';

const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date invalide : utilisez le sélecteur de date.')
  .optional()
  .or(z.literal('').transform(() => undefined));

export const ZJournalFilter = z.object({
  du: ZDate,
  au: ZDate,
  type: z
    .string()
    .max(60)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** What the events point at (a tiers, an extranet access, a mail…): a target type of the catalogue. */
  cible: z
    .enum(TARGET_TYPES, 'Cible inconnue : choisissez-la dans la liste.')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  acteur: z
    .string()
    .max(60)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  personne: z
    .string()
    .max(60)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The person as typed: name in any order, e-mail, phone, reference (docs/decisions/014). */
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Keyset: show events older than this id. */
  avant: z.string().regex(/^\d+$/).optional(),
});
export type TJournalFilter = z.output<typeof ZJournalFilter>;

/** Paris midnight of a YYYY-MM-DD day, as an instant (the journal filters by the agency's days). */
function parisDayStart(day: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  const offset =
    new Date(guess.toLocaleString('en-US', { timeZone: 'Europe/Paris' })).getTime() -
    new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' })).getTime();
  return new Date(guess.getTime() - offset);
}

/** The events of the people best matching a typed search: at most this many people. */
const SEARCHED_PEOPLE = 200;

export async function journalWhere(f: TJournalFilter): Promise<Prisma.AuditEventWhereInput> {
  const createdAt: Prisma.DateTimeFilter = {};
  if (f.du) createdAt.gte = parisDayStart(f.du);
  if (f.au) createdAt.lt = new Date(parisDayStart(f.au).getTime() + 24 * 3600 * 1000);
  return {
    ...(f.du || f.au ? { createdAt } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.cible ? { targetType: f.cible } : {}),
    ...(f.acteur ? { actorStaffId: f.acteur } : {}),
    ...(f.personne ? { tiersId: f.personne } : {}),
    AND: await personSearchWhere(f.q),
  };
}

async function personSearchWhere(q: string | undefined): Promise<Prisma.AuditEventWhereInput[]> {
  const search = q ? parsePersonSearch(q) : null;
  return search ? [{ tiersId: { in: await searchTiersIds(search, SEARCHED_PEOPLE) } }] : [];
}

const select = {
  id: true,
  type: true,
  actorType: true,
  ip: true,
  targetType: true,
  targetId: true,
  details: true,
  createdAt: true,
  actorStaff: { select: { name: true } },
  actorAccount: { select: { login: true } },
  tiers: { select: { id: true, civility: true, firstName: true, lastName: true, companyName: true } },
} satisfies Prisma.AuditEventSelect;

export type JournalRow = {
  id: string;
  type: string;
  createdAt: Date;
  actor: string;
  person: { id: string; name: string } | null;
  target: string | null;
  ip: string | null;
  details: string | null;
};

function toRow(e: Prisma.AuditEventGetPayload<{ select: typeof select }>): JournalRow {
  const actor =
    e.actorType === 'STAFF'
      ? (e.actorStaff?.name ?? 'Agent supprimé')
      : e.actorType === 'EXTRANET'
        ? `Extranet (${e.actorAccount?.login ?? '?'})`
        : 'Système';
  return {
    id: e.id.toString(),
    type: e.type,
    createdAt: e.createdAt,
    actor,
    person: e.tiers ? { id: e.tiers.id, name: displayName(e.tiers) } : null,
    target: e.targetType ? `${e.targetType}${e.targetId ? ` ${e.targetId}` : ''}` : null,
    ip: e.ip,
    details: e.details == null ? null : JSON.stringify(e.details),
  };
}

export async function listEvents(
  f: TJournalFilter,
  pageSize = 50,
): Promise<{ rows: JournalRow[]; nextCursor: string | null }> {
  const where = await journalWhere(f);
  const events = await db.auditEvent.findMany({
    where: f.avant ? { AND: [where, { id: { lt: BigInt(f.avant) } }] } : where,
    orderBy: { id: 'desc' },
    take: pageSize + 1,
    select,
  });
  const rows = events.slice(0, pageSize).map(toRow);
  return { rows, nextCursor: events.length > pageSize ? rows[rows.length - 1].id : null };
}

/** Every matching event, oldest first, in batches: for the CSV export. */
export async function* iterateEvents(f: TJournalFilter, batch = 1000): AsyncGenerator<JournalRow> {
  const where = await journalWhere(f);
  let after: bigint | undefined;
  for (;;) {
    const events = await db.auditEvent.findMany({
      where: after === undefined ? where : { AND: [where, { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: batch,
      select,
    });
    for (const e of events) yield toRow(e);
    if (events.length < batch) return;
    after = events[events.length - 1].id;
  }
}

export async function journalFilterOptions() {
  const [staff, types] = await Promise.all([
    db.staffUser.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db.auditEvent.findMany({ distinct: ['type'], select: { type: true }, orderBy: { type: 'asc' } }),
  ]);
  return { staff, types: types.map((t) => t.type) };
}

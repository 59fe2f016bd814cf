import 'server-only';
import { z } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import type { AccountStatus, MailStatus, TiersKind } from '@/generated/prisma/enums';
import { db } from '@/server/db';
import { displayName } from '@/server/tiers/names';
import { parsePersonSearch, personMatchSql, personRankSql } from '@/server/tiers/search.sql';
import { ACCESS_STATUSES, statusFromSlug } from '@/shared/access/access-status-labels';
import { accessStatus, type AccessStatus } from './access-status';

/** The default page size; 100 and 200 are offered too (`taille`). */
export const PAGE_SIZE = 50;
export const PAGE_SIZES = [50, 100, 200] as const;

/**
 * The list's URL: `?type=locataire&q=martin&statut=actif&taille=100&tri=connexion&apres=<cursor>`. Anything
 * malformed falls back to the default.
 */
export const ZListQuery = z.object({
  type: z.enum(['locataire', 'proprietaire', 'tous']).catch('tous'),
  q: z.string().trim().max(200).catch('').default(''),
  statut: z
    .string()
    .optional()
    .catch(undefined)
    .transform((slug) => statusFromSlug(slug)),
  taille: z.coerce
    .number()
    .optional()
    .catch(undefined)
    .transform((n) => ((PAGE_SIZES as readonly number[]).includes(n ?? 0) ? n! : PAGE_SIZE)),
  tri: z.enum(['nom', 'connexion']).catch('nom'),
  apres: z.string().max(500).optional().catch(undefined),
  avant: z.string().max(500).optional().catch(undefined),
});
export type TListQuery = z.output<typeof ZListQuery>;

export type AccountRow = {
  tiersId: string;
  name: string;
  kind: TiersKind;
  hasEmail: boolean;
  /** A hard bounce marked the current address "invalide" (docs/decisions/022). */
  emailInvalid: boolean;
  login: string | null;
  status: AccessStatus;
  lastLoginAt: Date | null;
  lastMail: { status: MailStatus; at: Date } | null;
};

export type AccountPage = { rows: AccountRow[]; next: string | null; previous: string | null };

// Keyset cursors: the sort key of the row to continue from, opaque to the URL.
type NameKey = [sortName: string, id: string];
type LoginKey = [lastLoginAt: string | null, sortName: string, id: string];
type RankKey = [rank: number, sortName: string, id: string];

const encode = (key: NameKey | LoginKey | RankKey) => Buffer.from(JSON.stringify(key)).toString('base64url');
function decode(cursor: string | undefined, length: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) && key.length === length ? key : null;
  } catch {
    return null;
  }
}

type RawRow = {
  id: string;
  kind: TiersKind;
  civility: string | null;
  firstName: string | null;
  lastName: string;
  companyName: string | null;
  sortName: string;
  rank: number;
  hasEmail: boolean;
  emailInvalid: boolean;
  accountId: string | null;
  login: string | null;
  status: AccountStatus | null;
  enrolledAt: Date | null;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  mailStatus: MailStatus | null;
  mailCreatedAt: Date | null;
  mailSentAt: Date | null;
};

/**
 * Upper bound of a prefix range: "martin" → "martio". Under a byte-order collation (C, C.UTF-8: PGlite and the
 * project's databases) [prefix, prefixEnd) holds exactly the strings starting with prefix, and a btree serves it.
 */
function prefixEnd(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1)!;
  return prefix.slice(0, -1) + String.fromCodePoint(last + 1);
}

/**
 * The search (docs/decisions/014): every word in the name, e-mail, phone, reference or identifiant, best matches
 * first. One or two letters (the first keys typed) have no trigram to look up: they are the start of the name,
 * a range of the index that orders the page.
 */
function searchOf(q: string): { where: Prisma.Sql; rank: Prisma.Sql | null } {
  const search = q ? parsePersonSearch(q) : null;
  if (!search) return { where: Prisma.empty, rank: null };
  if (search.words.length === 1 && search.name.length < 3)
    return {
      where: Prisma.sql`AND t."sortName" >= ${search.name} AND t."sortName" < ${prefixEnd(search.name)}`,
      rank: null,
    };
  return { where: Prisma.sql`AND ${personMatchSql(search)}`, rank: personRankSql(search) };
}

/**
 * accessStatus (access-status.ts, decision 010) as SQL over `t` (Tiers) and `a` (its ExtranetAccount, left-joined):
 * what the filter and its counts compare. tests/access/status-filter.test.ts holds the two to the same answers.
 */
function statusSql(now: Date): Prisma.Sql {
  return Prisma.sql`(CASE
    WHEN a.id IS NULL THEN 'NOT_ENROLLED'
    WHEN a.status = 'UNENROLLED' THEN 'UNENROLLED'
    WHEN a."lockedUntil" > ${now} THEN 'LOCKED'
    WHEN a."lastLoginAt" >= a."enrolledAt" THEN 'ACTIVE'
    WHEN EXISTS (
      SELECT 1 FROM (
        SELECT o.status, o."createdAt" FROM "OutboxMail" o
        WHERE o."accountId" = a.id AND o.type IN ('CREDENTIALS', 'ACTIVATION_LINK')
        ORDER BY o."createdAt" DESC LIMIT 1
      ) latest WHERE latest.status = 'SENT' AND latest."createdAt" >= a."enrolledAt"
    ) THEN 'CREDENTIALS_SENT'
    ELSE 'CREDENTIALS_TO_SEND'
  END)`;
}

/** Type and search: what the status counts are taken over (the status filter itself is not). */
function kindSql(type: TListQuery['type']): Prisma.Sql {
  return type === 'locataire'
    ? Prisma.sql`AND t.kind = 'LOCATAIRE'`
    : type === 'proprietaire'
      ? Prisma.sql`AND t.kind = 'PROPRIETAIRE'`
      : Prisma.empty;
}

function statusFilterSql(query: TListQuery, now: Date): Prisma.Sql {
  return query.statut ? Prisma.sql`AND ${statusSql(now)} = ${query.statut}` : Prisma.empty;
}

/** The SQL of one page, shared with the benchmark (which times it bare, without Prisma or rendering). */
export function listAccountsSql(
  query: TListQuery,
  now = new Date(),
): { sql: Prisma.Sql; backwards: boolean; rankOrder: boolean } {
  const backwards = !query.apres && !!query.avant;
  const cursor = backwards ? query.avant : query.apres;
  const kind = Prisma.sql`${kindSql(query.type)} ${statusFilterSql(query, now)}`;
  const search = searchOf(query.q);
  let keyset = Prisma.empty;
  let order: (account: string, tiers: string) => Prisma.Sql;
  if (query.tri === 'connexion') {
    // Most recent login first, then people who never logged in, by name.
    const key = decode(cursor, 3) as LoginKey | null;
    if (key && key[0]) {
      const at = new Date(key[0]);
      keyset = backwards
        ? Prisma.sql`AND a."lastLoginAt" IS NOT NULL AND (a."lastLoginAt" > ${at} OR (a."lastLoginAt" = ${at} AND (t."sortName", t.id) < (${key[1]}, ${key[2]})))`
        : Prisma.sql`AND (a."lastLoginAt" IS NULL OR a."lastLoginAt" < ${at} OR (a."lastLoginAt" = ${at} AND (t."sortName", t.id) > (${key[1]}, ${key[2]})))`;
    } else if (key) {
      keyset = backwards
        ? Prisma.sql`AND (a."lastLoginAt" IS NOT NULL OR (t."sortName", t.id) < (${key[1]}, ${key[2]}))`
        : Prisma.sql`AND a."lastLoginAt" IS NULL AND (t."sortName", t.id) > (${key[1]}, ${key[2]})`;
    }
    order = (a, t) =>
      Prisma.raw(
        backwards
          ? `ORDER BY ${a}."lastLoginAt" ASC NULLS FIRST, ${t}."sortName" DESC, ${t}.id DESC`
          : `ORDER BY ${a}."lastLoginAt" DESC NULLS LAST, ${t}."sortName" ASC, ${t}.id ASC`,
      );
  } else if (search.rank) {
    // Best matches first, then by name. The rank is a real: the cursor's copy is cast back to real to compare equal.
    const key = decode(cursor, 3) as RankKey | null;
    const rank = search.rank;
    if (key)
      keyset = backwards
        ? Prisma.sql`AND (${rank} > ${key[0]}::real OR (${rank} = ${key[0]}::real AND (t."sortName", t.id) < (${key[1]}, ${key[2]})))`
        : Prisma.sql`AND (${rank} < ${key[0]}::real OR (${rank} = ${key[0]}::real AND (t."sortName", t.id) > (${key[1]}, ${key[2]})))`;
    order = (_, t) =>
      Prisma.sql`ORDER BY ${t === 't' ? rank : Prisma.raw(`${t}.rank`)} ${Prisma.raw(backwards ? 'ASC' : 'DESC')}, ${Prisma.raw(
        backwards ? `${t}."sortName" DESC, ${t}.id DESC` : `${t}."sortName" ASC, ${t}.id ASC`,
      )}`;
  } else {
    const key = decode(cursor, 2) as NameKey | null;
    if (key)
      keyset = backwards
        ? Prisma.sql`AND (t."sortName", t.id) < (${key[0]}, ${key[1]})`
        : Prisma.sql`AND (t."sortName", t.id) > (${key[0]}, ${key[1]})`;
    order = (_, t) =>
      Prisma.raw(
        backwards ? `ORDER BY ${t}."sortName" DESC, ${t}.id DESC` : `ORDER BY ${t}."sortName" ASC, ${t}.id ASC`,
      );
  }
  // The page is cut first (LIMIT in the inner query), then only its rows look up their latest credential mail:
  // a search matching thousands of people does not pay a mail lookup for each.
  const sql = Prisma.sql`
    SELECT p.*, m.status AS "mailStatus", m."createdAt" AS "mailCreatedAt", m."sentAt" AS "mailSentAt"
    FROM (
      SELECT t.id, t.kind, t.civility, t."firstName", t."lastName", t."companyName", t."sortName", ${search.rank ?? Prisma.sql`0`}::real AS rank, (t.email IS NOT NULL) AS "hasEmail",
             COALESCE(lower(t.email) = t."emailInvalidAddress", false) AS "emailInvalid",
             a.id AS "accountId", a.login, a.status, a."enrolledAt", a."lockedUntil", a."lastLoginAt"
      FROM "Tiers" t
      LEFT JOIN "ExtranetAccount" a ON a."tiersId" = t.id
      WHERE t."archivedAt" IS NULL ${kind} ${search.where} ${keyset}
      ${order('a', 't')}
      LIMIT ${query.taille + 1}
    ) p
    LEFT JOIN LATERAL (
      SELECT o.status, o."createdAt", o."sentAt" FROM "OutboxMail" o
      WHERE o."accountId" = p."accountId" AND o.type IN ('CREDENTIALS', 'ACTIVATION_LINK')
      ORDER BY o."createdAt" DESC LIMIT 1
    ) m ON true
    ${order('p', 'p')}`;
  return { sql, backwards, rankOrder: query.tri !== 'connexion' && !!search.rank };
}

/** One page of "Gestion des accès": every tiers of the chosen type, enrolled or not, with its display status. */
export async function listAccounts(query: TListQuery, now = new Date()): Promise<AccountPage> {
  const { sql, backwards, rankOrder } = listAccountsSql(query, now);
  const raw = await db.$queryRaw<RawRow[]>(sql);
  const more = raw.length > query.taille;
  const page = raw.slice(0, query.taille);
  if (backwards) page.reverse();
  const keyOf = (r: RawRow) =>
    encode(
      query.tri === 'connexion'
        ? [r.lastLoginAt ? r.lastLoginAt.toISOString() : null, r.sortName, r.id]
        : rankOrder
          ? [r.rank, r.sortName, r.id]
          : [r.sortName, r.id],
    );
  const first = page[0];
  const last = page[page.length - 1];
  const cameFrom = query.apres || query.avant;
  return {
    rows: page.map((r) => toRow(r, now)),
    next: last && (backwards ? !!cameFrom : more) ? keyOf(last) : null,
    previous: first && (backwards ? more : !!cameFrom) ? keyOf(first) : null,
  };
}

function toRow(r: RawRow, now: Date): AccountRow {
  const account = r.status
    ? { status: r.status, enrolledAt: r.enrolledAt!, lockedUntil: r.lockedUntil, lastLoginAt: r.lastLoginAt }
    : null;
  const mail = r.mailStatus ? { status: r.mailStatus, createdAt: r.mailCreatedAt! } : null;
  return {
    tiersId: r.id,
    name: displayName(r),
    kind: r.kind,
    hasEmail: r.hasEmail,
    emailInvalid: r.emailInvalid,
    login: r.login,
    status: accessStatus(account, mail, now),
    lastLoginAt: r.lastLoginAt,
    lastMail: mail ? { status: mail.status, at: r.mailSentAt ?? mail.createdAt } : null,
  };
}

/** How many people of the type and search are in each Statut d'accès (the filter's counts). */
export async function countAccountsByStatus(
  query: TListQuery,
  now = new Date(),
): Promise<Record<AccessStatus, number>> {
  const search = searchOf(query.q);
  const rows = await db.$queryRaw<{ status: AccessStatus; n: bigint }[]>`
    SELECT s.status, count(*) AS n FROM (
      SELECT ${statusSql(now)} AS status
      FROM "Tiers" t LEFT JOIN "ExtranetAccount" a ON a."tiersId" = t.id
      WHERE t."archivedAt" IS NULL ${kindSql(query.type)} ${search.where}
    ) s GROUP BY s.status`;
  const counts = Object.fromEntries(ACCESS_STATUSES.map((s) => [s, 0])) as Record<AccessStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** What the selection toolbar knows of a selected person: enough to say what can apply and to name them. */
export type SelectedRow = { id: string; name: string; status: AccessStatus; hasEmail: boolean };

/** At most this many people are selected at once ("Sélectionner les N résultats"; ZSelection's bound). */
export const SELECTION_LIMIT = 5000;

/**
 * The people a filter finds (type, search, status), by name, up to SELECTION_LIMIT, or the given ids (which may
 * be on other pages): the toolbar's facts about a selection, read again after each action.
 */
export async function listSelectedRows(
  by: { query: TListQuery } | { ids: string[] },
  now = new Date(),
): Promise<SelectedRow[]> {
  const where =
    'ids' in by
      ? Prisma.sql`AND t.id IN (${by.ids.length ? Prisma.join(by.ids) : Prisma.sql`NULL`})`
      : Prisma.sql`${kindSql(by.query.type)} ${searchOf(by.query.q).where} ${statusFilterSql(by.query, now)}`;
  const rows = await db.$queryRaw<
    (Pick<RawRow, 'id' | 'civility' | 'firstName' | 'lastName' | 'companyName' | 'hasEmail'> & {
      status: AccessStatus;
    })[]
  >`
    SELECT t.id, t.civility, t."firstName", t."lastName", t."companyName", (t.email IS NOT NULL) AS "hasEmail",
           ${statusSql(now)} AS status
    FROM "Tiers" t LEFT JOIN "ExtranetAccount" a ON a."tiersId" = t.id
    WHERE t."archivedAt" IS NULL ${where}
    ORDER BY t."sortName", t.id
    LIMIT ${SELECTION_LIMIT + 1}`;
  return rows.map((r) => ({ id: r.id, name: displayName(r), status: r.status, hasEmail: r.hasEmail }));
}

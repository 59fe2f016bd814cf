import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { AccountStatus, MailStatus, TiersKind } from '@/generated/prisma/enums';
import type { Tx } from '@/server/db';
import { parsePersonSearch, personMatchSql, personRankSql } from '@/server/db/person-search.sql';
import type { AccessStatus } from './access-status';
import { type TListQuery } from './schemas';

// The raw SQL of Gestion des accès (docs/architecture.md: one `*.sql.ts` per domain): the list, its filter counts
// and selection (docs/decisions/012, 014), the activation funnel and the due reminders (docs/decisions/027).

// Keyset cursors: the sort key of the row to continue from, opaque to the URL.
type NameKey = [sortName: string, id: string];
type LoginKey = [lastLoginAt: string | null, sortName: string, id: string];
type RankKey = [rank: number, sortName: string, id: string];

export const encodeCursor = (key: NameKey | LoginKey | RankKey) =>
  Buffer.from(JSON.stringify(key)).toString('base64url');
function decode(cursor: string | undefined, length: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) && key.length === length ? key : null;
  } catch {
    return null;
  }
}

/** A row of one page, as the statement returns it. */
export type AccountPageRow = {
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

/** The rows of one page (one more than the page size, to tell whether another follows). */
export async function selectAccountPage(
  db: Tx,
  query: TListQuery,
  now: Date,
): Promise<{ rows: AccountPageRow[]; backwards: boolean; rankOrder: boolean }> {
  const { sql, backwards, rankOrder } = listAccountsSql(query, now);
  return { rows: await db.$queryRaw<AccountPageRow[]>(sql), backwards, rankOrder };
}

/** How many people of the type and search are in each status (the status filter itself is not applied). */
export async function countAccountStatuses(
  db: Tx,
  query: TListQuery,
  now: Date,
): Promise<{ status: AccessStatus; n: bigint }[]> {
  const search = searchOf(query.q);
  return db.$queryRaw<{ status: AccessStatus; n: bigint }[]>`
    SELECT s.status, count(*) AS n FROM (
      SELECT ${statusSql(now)} AS status
      FROM "Tiers" t LEFT JOIN "ExtranetAccount" a ON a."tiersId" = t.id
      WHERE t."archivedAt" IS NULL ${kindSql(query.type)} ${search.where}
    ) s GROUP BY s.status`;
}

export type SelectedRawRow = Pick<
  AccountPageRow,
  'id' | 'civility' | 'firstName' | 'lastName' | 'companyName' | 'hasEmail'
> & { status: AccessStatus };

/** The people a filter finds, or the given ids, by name, at most `limit` + 1, with their status. */
export async function selectSelectedRows(
  db: Tx,
  by: { query: TListQuery } | { ids: string[] },
  now: Date,
  limit: number,
): Promise<SelectedRawRow[]> {
  const where =
    'ids' in by
      ? Prisma.sql`AND t.id IN (${by.ids.length ? Prisma.join(by.ids) : Prisma.sql`NULL`})`
      : Prisma.sql`${kindSql(by.query.type)} ${searchOf(by.query.q).where} ${statusFilterSql(by.query, now)}`;
  return db.$queryRaw<SelectedRawRow[]>`
    SELECT t.id, t.civility, t."firstName", t."lastName", t."companyName", (t.email IS NOT NULL) AS "hasEmail",
           ${statusSql(now)} AS status
    FROM "Tiers" t LEFT JOIN "ExtranetAccount" a ON a."tiersId" = t.id
    WHERE t."archivedAt" IS NULL ${where}
    ORDER BY t."sortName", t.id
    LIMIT ${limit + 1}`;
}

/**
 * The activation funnel's counts over the current enrolments (decision 010), in one statement; `bounced` are the
 * statuses of a latest credential mail that never arrived.
 */
export async function selectActivationFunnel(
  db: Tx,
  now: Date,
  bounced: MailStatus[],
): Promise<Record<'sent' | 'activated' | 'neverActivated' | 'expiredUnused' | 'bounced', bigint>> {
  const [row] = await db.$queryRaw<
    Record<'sent' | 'activated' | 'neverActivated' | 'expiredUnused' | 'bounced', bigint>[]
  >`
    WITH acc AS (
      SELECT a.id,
        COALESCE(a."lastLoginAt" >= a."enrolledAt", false) OR COALESCE(p."isTemporary" = false, false) AS active,
        EXISTS (
          SELECT 1 FROM "OutboxMail" m
          WHERE m."accountId" = a.id AND m.type IN ('CREDENTIALS', 'ACTIVATION_LINK')
            AND m.status IN ('SENT', 'PRINTED', 'BOUNCED', 'COMPLAINED') AND m."createdAt" >= a."enrolledAt"
        ) AS sent,
        (
          SELECT m.status::text FROM "OutboxMail" m
          WHERE m."accountId" = a.id AND m.type IN ('CREDENTIALS', 'ACTIVATION_LINK') AND m."createdAt" >= a."enrolledAt"
          ORDER BY m."createdAt" DESC, m.id DESC LIMIT 1
        ) AS latest,
        COALESCE(p."isTemporary" AND p."expiresAt" < ${now}::timestamp, false)
          OR COALESCE(v."usedAt" IS NULL AND v."expiresAt" < ${now}::timestamp, false) AS expired
      FROM "ExtranetAccount" a
      LEFT JOIN "ExtranetPassword" p ON p."accountId" = a.id
      LEFT JOIN "Verification" v ON v."accountId" = a.id AND v.type = 'ACTIVATION'
      WHERE a.status = 'ENROLLED'
    )
    SELECT count(*) FILTER (WHERE sent) AS sent,
           count(*) FILTER (WHERE sent AND active) AS activated,
           count(*) FILTER (WHERE sent AND NOT active) AS "neverActivated",
           count(*) FILTER (WHERE sent AND NOT active AND expired) AS "expiredUnused",
           count(*) FILTER (WHERE NOT active AND latest = ANY(${bounced}::text[])) AS bounced
    FROM acc`;
  return row;
}

/**
 * The accounts due for an automatic reminder (decision 027) whose credentials expire in (now, until], at most 200,
 * their rows locked (SKIP LOCKED, so that two workers never take the same one): run inside the caller's transaction.
 */
export async function lockDueReminders(tx: Tx, now: Date, until: Date): Promise<{ id: string; expiresAt: Date }[]> {
  return tx.$queryRaw<{ id: string; expiresAt: Date }[]>`
    SELECT a.id, COALESCE(p."expiresAt", v."expiresAt") AS "expiresAt"
    FROM "ExtranetAccount" a
    JOIN "Tiers" t ON t.id = a."tiersId"
    LEFT JOIN "ExtranetPassword" p ON p."accountId" = a.id
    LEFT JOIN "Verification" v ON v."accountId" = a.id AND v.type = 'ACTIVATION' AND v."usedAt" IS NULL
    WHERE a.status = 'ENROLLED' AND t.email IS NOT NULL AND t."archivedAt" IS NULL
      AND a."credentialsGeneratedAt" >= a."enrolledAt"
      AND (a."lastLoginAt" IS NULL OR a."lastLoginAt" < a."enrolledAt")
      AND (
        (p."isTemporary" AND p."expiresAt" > ${now}::timestamp AND p."expiresAt" <= ${until}::timestamp)
        OR (p."accountId" IS NULL AND v."expiresAt" > ${now}::timestamp AND v."expiresAt" <= ${until}::timestamp)
      )
      AND EXISTS (
        SELECT 1 FROM "OutboxMail" m
        WHERE m."accountId" = a.id AND m.type IN ('CREDENTIALS', 'ACTIVATION_LINK') AND m.status IN ('SENT', 'PRINTED')
          AND m."credentialVersion" = a."credentialVersion"
      )
      AND NOT EXISTS (
        SELECT 1 FROM "OutboxMail" r
        WHERE r."accountId" = a.id AND r.type = 'REMINDER' AND r."credentialVersion" = a."credentialVersion"
      )
    ORDER BY a.id
    LIMIT 200
    FOR UPDATE OF a SKIP LOCKED`;
}

import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db';
import { PLAN_EACH_TIME } from './engine';
import { normalizeName } from '@/shared/tiers/names';

// The one search of a person, shared by Gestion des accès, Tiers, the centre d'envoi and the journal (four domains:
// it lives on the database floor so that the journal, below the domains, can use it)
// (docs/decisions/014): every word typed, in any order, is a substring of "Tiers"."searchText" (names, e-mail,
// phone, reference, city; lower-case, accents removed by the trigger) or, for a single word, of the identifiant.
// Both are served by pg_trgm GIN indexes. Best matches first: the trigram similarity of the name to the words.

/** Civilities as people read them in the list ("M. Cédric André", "M. et Mme Roux"): not part of a name, ignored. */
const CIVILITY = /^(m|mr|mme|mlle|mmes|mm|me|dr|et|monsieur|madame|mademoiselle)\.?$/;

export type PersonSearch = {
  /** The words to find, lower-case without accents ("m. cédric andré" → ["cedric", "andre"]). */
  words: string[];
  /** The words joined, compared with the sort name ("nom prénom") to rank the matches. */
  name: string;
};

/** What was typed, read as words; null when nothing is left to search (empty, or a civility alone). */
export function parsePersonSearch(q: string): PersonSearch | null {
  const text = normalizeName(q).replace(/œ/g, 'oe').replace(/æ/g, 'ae');
  // A phone typed with spaces, dots or dashes ("06 12 34 56 78") is one number.
  const phone = text.replace(/[\s.-]/g, '');
  let words = /^\+?\d{4,}$/.test(phone) ? [phone] : text.split(' ').filter(Boolean);
  if (words.length > 1) words = words.filter((w) => !CIVILITY.test(w));
  if (words.length === 0 || (words.length === 1 && CIVILITY.test(words[0]) && words[0].endsWith('.'))) return null;
  return { words, name: words.join(' ') };
}

const like = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The condition "this tiers (alias t) matches": each word in its searchText, or the only word in its identifiant.
 * A word shorter than 3 letters has no trigram: it is still checked, on the rows the other words leave.
 */
export function personMatchSql(search: PersonSearch): Prisma.Sql {
  const all = Prisma.join(
    search.words.map((w) => Prisma.sql`t."searchText" LIKE ${like(w)}`),
    ' AND ',
  );
  if (search.words.length > 1) return Prisma.sql`(${Prisma.raw(PLAN_EACH_TIME)} ${all})`;
  // A UNION of the two index scans, not an OR across tables (which would read every tiers).
  const word = like(search.words[0]);
  return Prisma.sql`${Prisma.raw(PLAN_EACH_TIME)} t.id IN (SELECT s.id FROM "Tiers" s WHERE s."searchText" LIKE ${word}
    UNION SELECT x."tiersId" FROM "ExtranetAccount" x WHERE x.login LIKE ${word})`;
}

/** How well a matching tiers (alias t) fits: 1 for the whole name in any order, less for parts of it. */
export function personRankSql(search: PersonSearch): Prisma.Sql {
  return Prisma.sql`similarity(t."sortName", ${search.name})`;
}

/** One page of matching tiers, best first, and how many match: ids only, the caller selects what it shows. */
export async function searchTiersPage(
  search: PersonSearch,
  options: { kind?: 'LOCATAIRE' | 'PROPRIETAIRE'; archived?: boolean; limit: number; offset: number },
): Promise<{ ids: string[]; total: number }> {
  const where = Prisma.sql`${personMatchSql(search)}
    ${options.kind ? Prisma.sql`AND t.kind = ${options.kind}::"TiersKind"` : Prisma.empty}
    ${options.archived === undefined ? Prisma.empty : Prisma.raw(`AND t."archivedAt" IS ${options.archived ? 'NOT ' : ''}NULL`)}`;
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`SELECT t.id FROM "Tiers" t WHERE ${where}
      ORDER BY ${personRankSql(search)} DESC, t."sortName", t.id LIMIT ${options.limit} OFFSET ${options.offset}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Tiers" t WHERE ${where}`,
  ]);
  return { ids: rows.map((r) => r.id), total };
}

/** The ids of the best matching tiers, at most limit: the person filter of the centre d'envoi and the journal. */
export async function searchTiersIds(search: PersonSearch, limit: number): Promise<string[]> {
  return (await searchTiersPage(search, { limit, offset: 0 })).ids;
}

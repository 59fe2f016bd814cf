import 'server-only';
import type { MailStatus, TiersKind } from '@/generated/prisma/enums';
import { db } from '@/server/db';
import { displayName } from '@/shared/tiers/names';
import { ACCESS_STATUSES } from '@/shared/access/access-status-labels';
import { accessStatus, type AccessStatus } from './access-status';
import type { TListQuery } from './schemas';
import {
  countAccountStatuses,
  encodeCursor,
  selectAccountPage,
  selectSelectedRows,
  type AccountPageRow,
} from './access.sql';

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

/** One page of "Gestion des accès": every tiers of the chosen type, enrolled or not, with its display status. */
export async function listAccounts(query: TListQuery, now = new Date()): Promise<AccountPage> {
  const { rows: raw, backwards, rankOrder } = await selectAccountPage(db, query, now);
  const more = raw.length > query.taille;
  const page = raw.slice(0, query.taille);
  if (backwards) page.reverse();
  const keyOf = (r: AccountPageRow) =>
    encodeCursor(
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

function toRow(r: AccountPageRow, now: Date): AccountRow {
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
  const rows = await countAccountStatuses(db, query, now);
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
  const rows = await selectSelectedRows(db, by, now, SELECTION_LIMIT);
  return rows.map((r) => ({ id: r.id, name: displayName(r), status: r.status, hasEmail: r.hasEmail }));
}

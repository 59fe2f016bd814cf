import 'server-only';
import type { AccountStatus, TiersKind } from '@/generated/prisma/enums';
import { recordEvent, type Actor } from '@/server/journal/record-event';
import { db } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { displayName, tiersNameSelect } from '@/shared/tiers/names';

/** How long staff may look at a person's space before opening "Voir son espace" again. */
export const SPACE_VIEW_MINUTES = 15;

export const SPACE_VIEW_ENDED =
  'Cette consultation a pris fin (15 minutes au plus) : rouvrez « Voir son espace » depuis la fiche ou le diagnostic de la personne.';

/** What the read-only view needs: whom it shows (as the extranet's data functions take them), and until when. */
export type SpaceView = {
  grantId: string;
  tiersId: string;
  kind: TiersKind;
  name: string;
  accountId: string | null;
  login: string | null;
  accountStatus: AccountStatus | null;
  expiresAt: Date;
};

/**
 * "Voir son espace" (docs/decisions/026): a grant, bound to the staff member, to see a person's extranet read-only for
 * 15 minutes. Journaled (who, whom, when, until when) in the same transaction. It is not a session of the person: no
 * session row, no cookie, no credential of theirs is read or written.
 */
export async function openSpaceView(
  actor: Extract<Actor, { type: 'STAFF' }>,
  tiersId: string,
  now = new Date(),
): Promise<{ grantId: string; expiresAt: Date }> {
  return db.$transaction(async (tx) => {
    const tiers = await tx.tiers.findFirst({ where: { id: tiersId, archivedAt: null }, select: { id: true } });
    if (!tiers) throw new NotFoundError('tiers');
    const expiresAt = new Date(now.getTime() + SPACE_VIEW_MINUTES * 60_000);
    const grant = await tx.spaceViewGrant.create({
      data: { staffId: actor.staffId, tiersId, createdAt: now, expiresAt },
      select: { id: true },
    });
    await recordEvent(tx, actor, {
      type: 'extranet.space_viewed',
      tiersId,
      targetId: grant.id,
      details: { expiresAt: expiresAt.toISOString() },
    });
    return { grantId: grant.id, expiresAt };
  });
}

/**
 * The view behind a grant, for the staff member who opened it only (anyone else's grant, or an unknown one, is not
 * found); after its 15 minutes it is refused with what to do.
 */
export async function getSpaceView(staffId: string, grantId: string, now = new Date()): Promise<SpaceView> {
  const grant = await db.spaceViewGrant.findFirst({
    where: { id: grantId, staffId },
    select: {
      expiresAt: true,
      tiers: {
        select: {
          id: true,
          kind: true,
          ...tiersNameSelect,
          archivedAt: true,
          account: { select: { id: true, login: true, status: true } },
        },
      },
    },
  });
  if (!grant || grant.tiers.archivedAt) throw new NotFoundError('grant');
  if (grant.expiresAt <= now) throw new UserError(SPACE_VIEW_ENDED);
  const { tiers } = grant;
  return {
    grantId,
    tiersId: tiers.id,
    kind: tiers.kind,
    name: displayName(tiers),
    accountId: tiers.account?.id ?? null,
    login: tiers.account?.login ?? null,
    accountStatus: tiers.account?.status ?? null,
    expiresAt: grant.expiresAt,
  };
}

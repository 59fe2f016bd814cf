import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireStaff } from '@/server/auth/staff-session';
import { NotFoundError, UserError } from '@/server/errors';
import { getSpaceView, type SpaceView } from '@/server/extranet/space-view';

export type LoadedView = { view: SpaceView; ended: null } | { view: null; ended: string };

/**
 * Every page of "Voir son espace" calls this (docs/decisions/026): the staff session (checked against the database),
 * then the grant, which must be this staff member's and under 15 minutes old. Someone else's grant is not found.
 */
export const loadSpaceView = cache(async (grantId: string): Promise<LoadedView> => {
  const actor = await requireStaff('access:read');
  try {
    return { view: await getSpaceView(actor.id, grantId), ended: null };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof UserError) return { view: null, ended: error.message };
    throw error;
  }
});

/** Where the view's links go, instead of /extranet. */
export const viewBase = (grantId: string) => `/gestion/espace/${grantId}`;
export const staffDocumentHref = (id: string) => `/gestion/tiers/documents/telecharger?id=${encodeURIComponent(id)}`;

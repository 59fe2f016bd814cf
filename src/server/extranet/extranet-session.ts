import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { extranetActor, type ExtranetActor } from './session-validity';
import { currentSession } from '@/server/session/sessions';

export type { ExtranetActor };

/** The signed-in extranet person, or null; the session is checked against the database once per request. */
export const getExtranetActor = cache(async (): Promise<ExtranetActor | null> => {
  const session = await currentSession('EXTRANET');
  return session && extranetActor(session);
});

/**
 * For extranet pages: the signed-in person, else the sign-in page. While a temporary password is in use, only
 * /extranet/nouveau-mot-de-passe is reachable (`passwordChange: true` is that page's own call).
 */
export async function requireExtranet(options: { passwordChange?: boolean } = {}): Promise<ExtranetActor> {
  const actor = await getExtranetActor();
  if (!actor) redirect('/extranet/connexion');
  if (actor.mustChangePassword && !options.passwordChange) redirect('/extranet/nouveau-mot-de-passe');
  return actor;
}

import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/server/auth/auth';
import { findValidExtranetSession, type ExtranetActor } from '@/server/extranet/session-validity';

export type { ExtranetActor };

/** The signed-in extranet person, or null; checked against the database once per request (docs/decisions/030). */
export const getExtranetActor = cache(async (): Promise<ExtranetActor | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user || user.kind !== 'extranet' || !user.sid) return null;
  return findValidExtranetSession({ accountId: user.id, cv: user.cv, sessionId: user.sid });
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

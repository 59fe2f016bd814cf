import 'server-only';
import { putSessionCookie, sessionCookie, type SessionCookie } from '@/server/auth/session-cookie';
import { authenticateExtranet } from './authenticate-extranet';
import { sessionIdentity, type SessionIdentity } from './session-validity';

export const CREDENTIALS_MISSING = 'Saisissez votre identifiant et votre mot de passe.';

export type SignInOutcome =
  { ok: true; cookie: SessionCookie; redirectTo: string } | { ok: false; error: string; missing?: true };

/**
 * The sign-in of the extranet form and of `POST /api/extranet/connexion`: checks the identifiant and password
 * (authenticateExtranet) and, when they are right, gives the session cookie and the page to go to.
 */
export async function signInExtranet(
  input: { login: unknown; password: unknown },
  client: { ip: string | null; userAgent: string | null },
): Promise<SignInOutcome> {
  const login = typeof input.login === 'string' ? input.login.slice(0, 200) : '';
  const password = typeof input.password === 'string' ? input.password.slice(0, 1024) : '';
  if (!login.trim() || !password) return { ok: false, error: CREDENTIALS_MISSING, missing: true };
  const result = await authenticateExtranet({ login, password, ...client });
  if (!result.ok) return { ok: false, error: result.error };
  return {
    ok: true,
    cookie: extranetSessionCookie(result),
    redirectTo: result.mustChangePassword ? '/extranet/nouveau-mot-de-passe' : '/extranet',
  };
}

/** The Auth.js session cookie of an extranet session: the account, its credential version and the session row. */
export function extranetSessionCookie(session: SessionIdentity): SessionCookie {
  return sessionCookie({
    sub: session.accountId,
    kind: 'extranet',
    cv: session.credentialVersion,
    sid: session.sessionId,
  });
}

/** In a server action: signs the browser in on an open session (just opened by a link, or after a password change). */
export async function signInOnSession(sessionId: string): Promise<boolean> {
  const identity = await sessionIdentity(sessionId);
  if (identity) await putSessionCookie(extranetSessionCookie(identity));
  return !!identity;
}

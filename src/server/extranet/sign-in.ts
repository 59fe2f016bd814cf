import 'server-only';
import { sessionCookie, type SessionCookie } from '@/server/session/cookie';
import { authenticateExtranet } from './authenticate-extranet';

export const CREDENTIALS_MISSING = 'Saisissez votre identifiant et votre mot de passe.';

export type SignInOutcome =
  | { ok: true; cookie: SessionCookie; redirectTo: string }
  | { ok: false; error: string; status: 400 | 401 | 503; retryAt?: Date };

/**
 * The sign-in of the extranet form and of `POST /api/extranet/connexion`: checks the identifiant and password
 * (the guarded sign-in) and, when they are right, gives the session cookie and the page to go to.
 */
export async function signInExtranet(
  input: { login: unknown; password: unknown; remember?: unknown },
  client: { ip: string | null; userAgent: string | null },
): Promise<SignInOutcome> {
  const login = typeof input.login === 'string' ? input.login.slice(0, 200) : '';
  const password = typeof input.password === 'string' ? input.password.slice(0, 1024) : '';
  if (!login.trim() || !password) return { ok: false, error: CREDENTIALS_MISSING, status: 400 };
  const remember = input.remember === true || input.remember === 'on' || input.remember === 'true';
  const result = await authenticateExtranet({ login, password, remember, ...client });
  if (!result.ok) return { ok: false, error: result.error, status: result.status, retryAt: result.retryAt };
  return {
    ok: true,
    cookie: extranetSessionCookie(result),
    redirectTo: result.person.mustChangePassword ? '/extranet/nouveau-mot-de-passe' : '/extranet',
  };
}

/** The cookie of an extranet session: ends with the browser unless "Rester connecté" was ticked. */
export function extranetSessionCookie(session: { token: string; remember: boolean }): SessionCookie {
  return sessionCookie(session.token, session.remember ? REMEMBER_COOKIE_S : undefined);
}

/** A remembered session's cookie lives as long as the longest setting allows; the database decides the real end. */
const REMEMBER_COOKIE_S = 90 * 86_400;

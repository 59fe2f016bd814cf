'use server';
import { signIn } from '@/server/auth/auth';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { createHandoff } from '@/server/extranet/handoff';
import { requestInfo } from '@/server/extranet/request-info';

export type ExtranetSignInState = { error?: string; login?: string };

export async function signInExtranet(_: ExtranetSignInState, form: FormData): Promise<ExtranetSignInState> {
  const login = String(form.get('login') ?? '').slice(0, 200);
  const password = String(form.get('password') ?? '').slice(0, 1024);
  if (!login.trim() || !password) return { error: 'Saisissez votre identifiant et votre mot de passe.', login };
  const result = await authenticateExtranet({ login, password, ...(await requestInfo()) });
  if (!result.ok) return { error: result.error, login };
  // The password has been checked above; Auth.js only turns the new session into the cookie.
  await signIn('extranet', { handoff: createHandoff(result.sessionId), redirectTo: result.mustChangePassword ? '/extranet/nouveau-mot-de-passe' : '/extranet' });
  return {};
}

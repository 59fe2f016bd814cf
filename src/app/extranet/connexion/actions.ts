'use server';
import { redirect } from 'next/navigation';
import { putSessionCookie } from '@/server/auth/session-cookie';
import { requestInfo } from '@/server/extranet/request-info';
import { signInExtranet } from '@/server/extranet/sign-in';

export type ExtranetSignInState = { error?: string; login?: string };

export async function signInExtranetForm(_: ExtranetSignInState, form: FormData): Promise<ExtranetSignInState> {
  const outcome = await signInExtranet(
    { login: form.get('login'), password: form.get('password') },
    await requestInfo(),
  );
  if (!outcome.ok) return { error: outcome.error, login: String(form.get('login') ?? '').slice(0, 200) };
  await putSessionCookie(outcome.cookie);
  redirect(outcome.redirectTo);
}

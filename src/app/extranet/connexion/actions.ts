'use server';
import { redirect } from 'next/navigation';
import { requestInfo } from '@/server/extranet/request-info';
import { signInExtranet } from '@/server/extranet/sign-in';
import { putSessionCookie } from '@/server/session/cookie';

export type ExtranetSignInState = {
  error?: string;
  login?: string;
  remember?: boolean;
  /** ISO date: while a delay or a lock holds, the form counts down to it. */
  retryAt?: string;
};

export async function signInExtranetForm(_: ExtranetSignInState, form: FormData): Promise<ExtranetSignInState> {
  const outcome = await signInExtranet(
    { login: form.get('login'), password: form.get('password'), remember: form.get('remember') },
    await requestInfo(),
  );
  if (!outcome.ok)
    return {
      error: outcome.error,
      login: String(form.get('login') ?? '').slice(0, 200),
      remember: form.get('remember') === 'on',
      retryAt: outcome.retryAt?.toISOString(),
    };
  await putSessionCookie(outcome.cookie);
  redirect(outcome.redirectTo);
}

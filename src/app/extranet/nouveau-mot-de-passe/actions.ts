'use server';
import { redirect } from 'next/navigation';
import { resetPasswordWithTokenAction, setFirstPasswordAction } from '@/server/extranet/actions';
import { extranetAction } from '@/server/extranet/extranet-action';
import type { ActionResult } from '@/shared/action-result';
import { extranetSessionCookie } from '@/server/extranet/sign-in';
import { putSessionCookie } from '@/server/session/cookie';

const resetWithToken = extranetAction(resetPasswordWithTokenAction);
const changeFirstPassword = extranetAction(setFirstPasswordAction);

/** From a link (?jeton=…): sets the password and signs the person in on a fresh session. */
export async function setPasswordFromLink(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await resetWithToken(prev, form);
  if (!result.ok) return result;
  await putSessionCookie(extranetSessionCookie({ token: result.data!.token, remember: false }));
  redirect('/extranet?bienvenue=1');
}

/** After a login with a temporary password: the new password replaces it; this session is kept, the others end. */
export async function setFirstPassword(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await changeFirstPassword(prev, form);
  if (result.ok) redirect('/extranet?bienvenue=1');
  return result;
}

'use server';
import { redirect } from 'next/navigation';
import { getExtranetActor } from '@/server/extranet/extranet-session';
import { changeOwnPassword, ZChangePassword } from '@/server/extranet/change-password';
import { runExtranet } from '@/server/extranet/extranet-action';
import type { ActionResult } from '@/shared/action-result';
import { requestInfo } from '@/server/extranet/request-info';
import { resetPasswordWithToken, ZTokenPassword } from '@/server/extranet/reset-password-with-token';
import { extranetSessionCookie } from '@/server/extranet/sign-in';
import { putSessionCookie } from '@/server/session/cookie';

/** From a link (?jeton=…): sets the password and signs the person in on a fresh session. */
export async function setPasswordFromLink(_: ActionResult, form: FormData): Promise<ActionResult> {
  let token: string | null = null;
  const result = await runExtranet(ZTokenPassword, form, async (input) => {
    token = (await resetPasswordWithToken(input, await requestInfo())).token;
  });
  if (token) {
    await putSessionCookie(extranetSessionCookie({ token, remember: false }));
    redirect('/extranet?bienvenue=1');
  }
  return result;
}

/** After a login with a temporary password: the new password replaces it; this session is kept, the others end. */
export async function setFirstPassword(_: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await getExtranetActor();
  if (!actor) redirect('/extranet/connexion');
  const { ip } = await requestInfo();
  const result = await runExtranet(ZChangePassword, form, (input) => changeOwnPassword(actor, input, ip));
  if (result.ok) redirect('/extranet?bienvenue=1');
  return result;
}

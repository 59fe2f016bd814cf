'use server';
import { redirect } from 'next/navigation';
import { getExtranetActor } from '@/server/auth/extranet-session';
import { changeOwnPassword, ZChangePassword } from '@/server/extranet/change-password';
import { runExtranet, type ActionResult } from '@/server/extranet/extranet-action';
import { requestInfo } from '@/server/extranet/request-info';
import { resetPasswordWithToken, ZTokenPassword } from '@/server/extranet/reset-password-with-token';
import { signInOnSession } from '@/server/extranet/sign-in';

/** From a link (?jeton=…): sets the password and signs the person in on a fresh session. */
export async function setPasswordFromLink(_: ActionResult, form: FormData): Promise<ActionResult> {
  let sessionId: string | null = null;
  const result = await runExtranet(ZTokenPassword, form, async (input) => {
    sessionId = (await resetPasswordWithToken(input, await requestInfo())).sessionId;
  });
  if (sessionId && (await signInOnSession(sessionId))) redirect('/extranet?bienvenue=1');
  return result;
}

/** After a login with a temporary password: the new password replaces it; this session is kept, the others end. */
export async function setFirstPassword(_: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await getExtranetActor();
  if (!actor) redirect('/extranet/connexion');
  const { ip } = await requestInfo();
  const result = await runExtranet(ZChangePassword, form, (input) => changeOwnPassword(actor, input, ip));
  if (result.ok && (await signInOnSession(actor.sessionId))) redirect('/extranet?bienvenue=1');
  return result;
}

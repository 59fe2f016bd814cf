'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { signOut } from '@/server/auth/auth';
import { getExtranetActor, type ExtranetActor } from '@/server/auth/extranet-session';
import { changeOwnPassword, ZChangePassword } from '@/server/extranet/change-password';
import { contactAgency, ZContactMessage } from '@/server/extranet/contact-agency';
import { endAllSessions, endCurrentSession } from '@/server/extranet/end-sessions';
import { EXTRANET_MESSAGES, runExtranet, type ActionResult } from '@/server/extranet/extranet-action';
import { requestInfo } from '@/server/extranet/request-info';
import { signInOnSession } from '@/server/extranet/sign-in';
import { updateMyContact, ZContactDetails } from '@/server/extranet/update-contact';

// Every action resolves the person from the session (checked against the database) and refuses while the
// temporary password has not been replaced.
async function actorOrNull(): Promise<ExtranetActor | null> {
  const actor = await getExtranetActor();
  return actor && !actor.mustChangePassword ? actor : null;
}
const signedOut: ActionResult = { ok: false, error: EXTRANET_MESSAGES.signedOut };

export async function saveContactDetails(_: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await actorOrNull();
  if (!actor) return signedOut;
  const { ip } = await requestInfo();
  const result = await runExtranet(ZContactDetails, form, async (input) => ({
    message: await updateMyContact(actor, input, ip),
  }));
  if (result.ok) revalidatePath('/extranet');
  return result;
}

export async function sendMessageToAgency(_: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await actorOrNull();
  if (!actor) return signedOut;
  const { ip } = await requestInfo();
  return runExtranet(ZContactMessage, form, async (input) => {
    await contactAgency(actor, input, ip);
    return { message: "Votre message est envoyé à l'agence. Elle vous répondra par e-mail ou par téléphone." };
  });
}

export async function changePassword(_: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await actorOrNull();
  if (!actor) return signedOut;
  const { ip } = await requestInfo();
  const result = await runExtranet(ZChangePassword, form, (input) => changeOwnPassword(actor, input, ip));
  // The credential version has moved on: re-issue this session's token, the other sessions stay ended.
  if (result.ok && (await signInOnSession(actor.sessionId))) redirect('/extranet?motdepasse=1#securite');
  return result;
}

export async function signOutEverywhere(): Promise<void> {
  const actor = await getExtranetActor();
  if (actor) await endAllSessions(actor, (await requestInfo()).ip);
  await signOut({ redirectTo: '/extranet/connexion' });
}

export async function signOutExtranet(): Promise<void> {
  const actor = await getExtranetActor();
  if (actor) await endCurrentSession(actor);
  await signOut({ redirectTo: '/extranet/connexion' });
}

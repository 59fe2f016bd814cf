'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getExtranetActor, type ExtranetActor } from '@/server/extranet/extranet-session';
import { changeOwnPassword, ZChangePassword } from '@/server/extranet/change-password';
import { contactAgency, ZContactMessage } from '@/server/extranet/contact-agency';
import { endAllSessions, endCurrentSession } from '@/server/extranet/end-sessions';
import { EXTRANET_MESSAGES, runExtranet } from '@/server/extranet/extranet-action';
import type { ActionResult } from '@/shared/action-result';
import { requestInfo } from '@/server/extranet/request-info';
import { updateMyContact, ZContactDetails } from '@/server/extranet/update-contact';
import { clearSessionCookie } from '@/server/session/cookie';

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
  // This session follows the new credential version; the other sessions have ended.
  if (result.ok) redirect('/extranet?motdepasse=1#securite');
  return result;
}

export async function signOutEverywhere(): Promise<void> {
  const actor = await getExtranetActor();
  if (actor) await endAllSessions(actor, (await requestInfo()).ip);
  await clearSessionCookie();
  redirect('/extranet/connexion');
}

export async function signOutExtranet(): Promise<void> {
  const actor = await getExtranetActor();
  if (actor) await endCurrentSession(actor);
  await clearSessionCookie();
  redirect('/extranet/connexion');
}

'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getExtranetActor } from '@/server/extranet/extranet-session';
import { changePasswordAction, contactAgencyAction, updateContactAction } from '@/server/extranet/actions';
import { endAllSessions, endCurrentSession } from '@/server/extranet/end-sessions';
import { extranetAction } from '@/server/extranet/extranet-action';
import type { ActionResult } from '@/shared/action-result';
import { requestInfo } from '@/server/extranet/request-info';
import { clearSessionCookie } from '@/server/session/cookie';

// The person's actions go through extranetAction, which resolves them from the session (checked against the
// database) and refuses while the temporary password has not been replaced.
const updateContact = extranetAction(updateContactAction);
const changeOwnPassword = extranetAction(changePasswordAction);

export async function saveContactDetails(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await updateContact(prev, form);
  if (result.ok) revalidatePath('/extranet');
  return result;
}

export const sendMessageToAgency = extranetAction(contactAgencyAction);

export async function changePassword(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await changeOwnPassword(prev, form);
  // This session follows the new credential version; the other sessions have ended.
  if (result.ok) redirect('/extranet?motdepasse=1#securite');
  return result;
}

// Signing out needs no input and never refuses: it ends what the session holds, if anything, and leaves.
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

'use server';
import { redirect } from 'next/navigation';
import { runExtranet } from '@/server/extranet/extranet-action';
import type { ActionResult } from '@/shared/action-result';
import { requestInfo } from '@/server/extranet/request-info';
import { ZStaffLinkPassword } from '@/server/staff/schemas';
import { setStaffPasswordFromLink } from '@/server/staff/set-staff-password';

/** From an invitation or reset link: the password is set, then the person signs in with it. */
export async function setStaffPassword(_: ActionResult, form: FormData): Promise<ActionResult> {
  let done = false;
  const result = await runExtranet(ZStaffLinkPassword, form, async (input) => {
    await setStaffPasswordFromLink(input, (await requestInfo()).ip);
    done = true;
  });
  if (done) redirect('/gestion/connexion?motdepasse=1');
  return result;
}

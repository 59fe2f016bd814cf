'use server';
import { z } from 'zod';
import { confirmEmailChange } from '@/server/extranet/confirm-email-change';
import { runExtranet } from '@/server/extranet/extranet-action';
import type { ActionResult } from '@/shared/action-result';
import { requestInfo } from '@/server/extranet/request-info';

const ZConfirmEmail = z.object({ jeton: z.string().min(1).max(200) });

export async function confirmNewEmail(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { ip } = await requestInfo();
  return runExtranet(ZConfirmEmail, form, async ({ jeton }) => {
    const { email } = await confirmEmailChange(jeton, ip);
    return {
      message: `C’est fait : votre adresse e-mail est maintenant ${email}. Les prochains mails de l’agence y arriveront.`,
    };
  });
}

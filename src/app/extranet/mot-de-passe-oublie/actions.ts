'use server';
import { after } from 'next/server';
import { runExtranet, type ActionResult } from '@/server/extranet/extranet-action';
import { requestInfo } from '@/server/extranet/request-info';
import { requestPasswordReset, ZResetRequest } from '@/server/extranet/request-password-reset';

export async function askPasswordReset(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { ip } = await requestInfo();
  return runExtranet(ZResetRequest, form, async (input) => {
    const { message, work } = await requestPasswordReset(input, ip);
    // The mail is prepared after the answer has left: the answer's timing says nothing about the account.
    if (work) after(() => work().catch((error) => console.error('[extranet reset request]', error)));
    return { message };
  });
}

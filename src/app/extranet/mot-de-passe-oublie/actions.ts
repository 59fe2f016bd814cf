'use server';
import { runExtranet } from '@/server/extranet/extranet-action';
import type { ActionResult } from '@/shared/action-result';
import { requestInfo } from '@/server/extranet/request-info';
import { requestPasswordReset, ZResetRequest } from '@/server/extranet/request-password-reset';

export async function askPasswordReset(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { ip } = await requestInfo();
  // The same work and answer for any entry; the mail, if any, is prepared by the reset-request worker.
  return runExtranet(ZResetRequest, form, async (input) => ({ message: await requestPasswordReset(input, ip) }));
}

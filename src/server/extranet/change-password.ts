import 'server-only';
import { z } from 'zod';
import { hashPassword } from '@/server/session/password';
import { db } from '@/server/db';
import { FieldsError } from './extranet-action';
import { checkPassword, type PasswordContext } from '@/shared/extranet/password-policy';
import { recheckPassword } from './recheck-password';
import type { ExtranetActor } from './session-validity';
import { setPassword } from './set-password';

export const ZNewPassword = z.object({
  password: z.string().max(1024),
  confirm: z.string().max(1024),
});
export const ZChangePassword = ZNewPassword.extend({ current: z.string().max(1024).optional() });

/** Applies the policy and the confirmation; throws with one message per field. */
export function assertAcceptablePassword(input: z.output<typeof ZNewPassword>, context: PasswordContext): void {
  const verdict = checkPassword(input.password, context);
  const fieldErrors: Record<string, string[]> = {};
  if (!verdict.ok) fieldErrors.password = verdict.problems;
  if (input.password !== input.confirm)
    fieldErrors.confirm = ['Les deux mots de passe ne sont pas identiques : saisissez-les à nouveau.'];
  if (Object.keys(fieldErrors).length) {
    throw new FieldsError(
      fieldErrors.password
        ? 'Ce mot de passe ne convient pas : choisissez-en un autre (voir les conseils sous le champ).'
        : fieldErrors.confirm[0],
      fieldErrors,
    );
  }
}

/**
 * The signed-in person changes their password: after a login with a temporary password (no current password asked:
 * they have just typed it) or from "Sécurité" (current password asked). Other sessions end; this one is kept.
 */
export async function changeOwnPassword(
  actor: ExtranetActor,
  input: z.output<typeof ZChangePassword>,
  ip: string | null,
): Promise<void> {
  const account = await db.extranetAccount.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: {
      login: true,
      tiers: { select: { firstName: true, lastName: true, companyName: true } },
    },
  });
  if (!actor.mustChangePassword) {
    // Counted against the sign-in's throttle: a borrowed session cannot be used to guess the password.
    await recheckPassword(actor, input.current ?? '', ip);
  }
  assertAcceptablePassword(input, {
    login: account.login,
    names: [account.tiers.firstName, account.tiers.lastName, account.tiers.companyName],
  });
  const hash = await hashPassword(input.password);
  await db.$transaction((tx) =>
    setPassword(tx, {
      accountId: actor.accountId,
      hash,
      keepSessionId: actor.sessionId,
      actor: { type: 'EXTRANET', accountId: actor.accountId, ip },
      via: actor.mustChangePassword ? 'first_login' : 'security',
    }),
  );
}

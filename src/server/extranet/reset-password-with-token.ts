import 'server-only';
import { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import { hashPassword } from '@/server/session/password';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { openSession } from '@/server/session/sessions';
import { assertAcceptablePassword, ZNewPassword } from './change-password';
import { LINK_INVALID } from './messages';
import { setPassword } from './set-password';
import { findUsableVerification } from '@/server/access/verification-token';

export const ZTokenPassword = ZNewPassword.extend({ jeton: z.string().min(1).max(200) });

/**
 * Sets a password from an activation or reset link. The token is spent atomically (a second use, even in parallel,
 * finds it used), every session of the account ends, and a new one is opened for the person holding the link.
 */
export async function resetPasswordWithToken(
  input: z.output<typeof ZTokenPassword>,
  request: { ip: string | null; userAgent: string | null },
): Promise<{ token: string }> {
  const verification = await findUsableVerification(input.jeton);
  if (!verification) throw new UserError(LINK_INVALID);
  // The policy first, so that a refused password does not spend the link.
  assertAcceptablePassword(input, { login: verification.login, names: verification.names });
  const hash = await hashPassword(input.password);
  const actor = { type: 'EXTRANET' as const, accountId: verification.accountId, ip: request.ip };
  return db.$transaction(async (tx) => {
    const spent = await tx.verification.updateMany({
      where: { id: verification.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) throw new UserError(LINK_INVALID);
    const { credentialVersion } = await setPassword(tx, {
      accountId: verification.accountId,
      hash,
      keepSessionId: null,
      actor,
      via: verification.type === 'ACTIVATION' ? 'activation' : 'reset',
    });
    const account = await tx.extranetAccount.update({
      where: { id: verification.accountId },
      data: { lastLoginAt: new Date() },
      select: { tiersId: true },
    });
    const session = await openSession(tx, { accountId: verification.accountId, credentialVersion, ...request });
    await recordEvent(tx, actor, {
      type: 'extranet.login',
      tiersId: account.tiersId,
      targetId: session.id,
      details: { via: verification.type === 'ACTIVATION' ? 'activation' : 'reset' },
    });
    return { token: session.token };
  });
}

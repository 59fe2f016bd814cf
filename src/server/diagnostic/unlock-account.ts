import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { bucketKey, loginKey } from '@/server/session/throttle';

/** Déverrouiller: ends a temporary lock now (the lock would also end by itself). */
export async function unlockAccount(actor: StaffAudit, tiersId: string): Promise<string> {
  await db.$transaction(async (tx) => {
    const account = await tx.extranetAccount.findUnique({
      where: { tiersId },
      select: { id: true, login: true, lockedUntil: true },
    });
    if (!account) throw new NotFoundError('account');
    if (!account.lockedUntil || account.lockedUntil <= new Date())
      throw new UserError("Ce compte n'est pas verrouillé : rien à déverrouiller.");
    await tx.extranetAccount.update({ where: { id: account.id }, data: { lockedUntil: null, failedLoginCount: 0 } });
    await tx.throttleBucket.deleteMany({ where: { key: bucketKey(loginKey(account.login)) } });
    await recordEvent(tx, actor, {
      type: 'access.unlocked',
      tiersId,
      targetId: account.id,
    });
  });
  return 'Compte déverrouillé : la personne peut se reconnecter.';
}

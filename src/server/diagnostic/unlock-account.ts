import 'server-only';
import { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { bucketKey, loginKey } from '@/server/session/throttle';

/** Déverrouiller: ends a temporary lock now (the lock would also end by itself). */
export const unlockAccount = defineStaffAction({
  permission: 'access:write',
  input: z.object({ tiersId: z.string().min(1) }),
  async run({ input, audit }) {
    await db.$transaction(async (tx) => {
      const account = await tx.extranetAccount.findUnique({
        where: { tiersId: input.tiersId },
        select: { id: true, login: true, lockedUntil: true },
      });
      if (!account) throw new NotFoundError('account');
      if (!account.lockedUntil || account.lockedUntil <= new Date())
        throw new UserError("Ce compte n'est pas verrouillé : rien à déverrouiller.");
      await tx.extranetAccount.update({ where: { id: account.id }, data: { lockedUntil: null, failedLoginCount: 0 } });
      await tx.throttleBucket.deleteMany({ where: { key: bucketKey(loginKey(account.login)) } });
      await recordEvent(tx, audit, {
        type: 'access.unlocked',
        tiersId: input.tiersId,
        targetId: account.id,
      });
    });
    return { message: 'Compte déverrouillé : la personne peut se reconnecter.' };
  },
});

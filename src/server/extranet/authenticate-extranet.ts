import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import { db } from '@/server/db';
import { guardedSignIn, type LockNotice, type SignInRequest, type SignInResult } from '@/server/session/sign-in';

/** Checks an identifiant and password through the guarded sign-in; a right pair opens a session. */
export function authenticateExtranet(request: SignInRequest): Promise<SignInResult> {
  return guardedSignIn('EXTRANET', request, journalLock);
}

/** The journal records each temporary lock of an account (a growing delay, then the long lock) when it starts. */
const journalLock: LockNotice = async (account, lock) => {
  await db.$transaction((tx) =>
    recordEvent(
      tx,
      { type: 'SYSTEM' },
      {
        type: 'access.locked',
        tiersId: account.tiersId,
        targetId: account.id,
        details: { until: lock.until.toISOString(), failures: lock.failures, ip: lock.ip },
      },
    ),
  );
};

import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import { db } from '@/server/db';
import { revokeSession, revokeSessions } from '@/server/session/sessions';
import type { ExtranetActor } from './session-validity';

/** "Se déconnecter" ends this session's row too, so a copied cookie stops working as well. */
export async function endCurrentSession(actor: Pick<ExtranetActor, 'sessionId'>): Promise<void> {
  await revokeSession(db, actor.sessionId, 'signed_out');
}

/** "Se déconnecter partout": every session of the account ends, on every device, at the next request. */
export async function endAllSessions(
  actor: Pick<ExtranetActor, 'accountId' | 'tiersId'>,
  ip: string | null,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const count = await revokeSessions(tx, { accountId: actor.accountId }, 'signed_out_everywhere');
    await recordEvent(
      tx,
      { type: 'EXTRANET', accountId: actor.accountId, ip },
      {
        type: 'extranet.signed_out_everywhere',
        tiersId: actor.tiersId,
        targetId: actor.accountId,
        details: { sessions: count },
      },
    );
    return count;
  });
}

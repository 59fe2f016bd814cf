import 'server-only';
import { recordEvents, type Actor } from '@/server/journal/record-event';
import type { Tx } from '@/server/db';
import { withdrawUnsentMails } from '@/server/outbox/withdraw-unsent-mails';

/**
 * Staff changed these tiers' e-mail (tiers form, import): the address a person asked for in "Mes coordonnées" and
 * has not confirmed yet must not overwrite it later. Its link dies, its unsent confirmation mail is cancelled (secret
 * wiped), and `extranet.email_change_cancelled` is journaled with the address that was pending (docs/decisions/043).
 */
export async function cancelPendingEmailChanges(
  tx: Tx,
  actor: Actor,
  tiersIds: string[],
  source: 'form' | 'import',
): Promise<void> {
  if (!tiersIds.length) return;
  const pending = await tx.verification.findMany({
    where: { type: 'EMAIL_CHANGE', usedAt: null, account: { tiersId: { in: tiersIds } } },
    select: { id: true, accountId: true, email: true, account: { select: { tiersId: true } } },
  });
  if (!pending.length) return;
  await tx.verification.deleteMany({ where: { id: { in: pending.map((p) => p.id) } } });
  const accountIds = pending.map((p) => p.accountId);
  await withdrawUnsentMails(tx, actor, accountIds, ['EMAIL_CHANGE_CONFIRM'], 'CANCELLED', 'email_changed_by_staff');
  await recordEvents(
    tx,
    actor,
    pending.map((p) => ({
      type: 'extranet.email_change_cancelled',
      tiersId: p.account.tiersId,
      targetId: p.account.tiersId,
      details: { pending: p.email, source },
    })),
  );
}

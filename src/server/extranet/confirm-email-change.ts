import 'server-only';
import { withdrawUnsentMails } from '@/server/outbox/withdraw-unsent-mails';
import { recordEvent } from '@/server/journal/record-event';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { emailChangeEvent } from '@/server/tiers/record-tiers-changes';
import { EMAIL_LINK_INVALID } from './messages';
import { hashToken } from '@/server/crypto/token';

/**
 * The link mailed to a new address is used: the address becomes the tiers' e-mail (where resets go from now on). The
 * link is spent atomically; reset links mailed to the old address die with it (and their unsent mails). Journaled with the before and after,
 * as a change made by staff is.
 */
const usable = (token: string) => ({
  tokenHash: hashToken(token),
  type: 'EMAIL_CHANGE' as const,
  usedAt: null,
  expiresAt: { gt: new Date() },
  account: { status: 'ENROLLED' as const },
});

/** The address a link would confirm, if the link is still usable (the page shows it before the button). */
export async function findEmailChange(token: string): Promise<{ email: string } | null> {
  if (!token || token.length > 200) return null;
  const row = await db.verification.findFirst({ where: usable(token), select: { email: true } });
  return row?.email ? { email: row.email } : null;
}

export async function confirmEmailChange(token: string, ip: string | null): Promise<{ email: string }> {
  if (!token || token.length > 200) throw new UserError(EMAIL_LINK_INVALID);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const row = await tx.verification.findFirst({
      where: usable(token),
      select: { id: true, accountId: true, email: true, account: { select: { tiersId: true } } },
    });
    if (!row?.email) throw new UserError(EMAIL_LINK_INVALID);
    const spent = await tx.verification.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (spent.count !== 1) throw new UserError(EMAIL_LINK_INVALID);
    const { tiersId } = row.account;
    const before = await tx.tiers.findUniqueOrThrow({ where: { id: tiersId }, select: { email: true } });
    await tx.tiers.update({ where: { id: tiersId }, data: { email: row.email } });
    await tx.verification.deleteMany({ where: { accountId: row.accountId, type: 'PASSWORD_RESET' } });
    const actor = { type: 'EXTRANET' as const, accountId: row.accountId, ip };
    await withdrawUnsentMails(tx, actor, [row.accountId], ['PASSWORD_RESET'], 'CANCELLED', 'email_confirmed');
    // The event the diagnostic reads ("E-mail modifié le"), as for a change made by staff.
    await recordEvent(tx, actor, emailChangeEvent(tiersId, before.email, row.email, 'extranet'));
    return { email: row.email };
  });
}

import 'server-only';
import { z } from 'zod';
import { recordEvent } from '@/server/audit/record-event';
import { db } from '@/server/db';
import { renderMail } from '@/server/mail/render-mail';
import { enqueueMail } from '@/server/outbox/enqueue-mail';
import { displayName } from '@/server/tiers/names';
import { normalizeLogin } from './login-name';
import { RESET_REQUESTED, tooManyResetRequests } from './messages';
import { RESET_POLICY, reserveBucket } from './throttle';
import { hashToken, newToken, passwordLink } from './verification-token';

export const RESET_TTL_MS = 30 * 60_000;

export const ZResetRequest = z.object({
  identifier: z.string().trim().min(1, 'Saisissez votre identifiant ou votre adresse e-mail.').max(320),
});

/**
 * "Mot de passe oublié": the answer never depends on whether an account matches. The throttle is keyed on the
 * address and on what was typed, never on an account. Returns the message to show and, when allowed, the work
 * to do (run after the answer has left, so that its duration tells nothing either).
 */
export async function requestPasswordReset(
  input: z.output<typeof ZResetRequest>,
  ip: string | null,
): Promise<{ message: string; work: (() => Promise<void>) | null }> {
  const typed = normalizeLogin(input.identifier);
  for (const key of [`reset:${typed}`, ...(ip ? [`reset-ip:${ip}`] : [])]) {
    const reservation = await reserveBucket(key, RESET_POLICY);
    if (!reservation.allowed) return { message: tooManyResetRequests(reservation.lockedUntil), work: null };
  }
  return { message: RESET_REQUESTED, work: async () => void (await sendResetMails(typed, ip)) };
}

/** Queues a reset mail (sent automatically, no review) to each enrolled account matching the identifiant or e-mail. */
export async function sendResetMails(typed: string, ip: string | null): Promise<number> {
  const accounts = await db.extranetAccount.findMany({
    where: {
      status: 'ENROLLED',
      tiers: { email: { not: null } },
      OR: [{ login: typed }, { tiers: { email: { equals: typed, mode: 'insensitive' } } }],
    },
    select: {
      id: true,
      login: true,
      tiersId: true,
      tiers: {
        select: { kind: true, civility: true, firstName: true, lastName: true, companyName: true, email: true },
      },
    },
    take: 5,
  });
  for (const account of accounts) {
    const token = newToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
    await db.$transaction(async (tx) => {
      await tx.verification.upsert({
        where: { type_accountId: { type: 'PASSWORD_RESET', accountId: account.id } },
        create: { type: 'PASSWORD_RESET', accountId: account.id, tokenHash: hashToken(token), expiresAt },
        update: { tokenHash: hashToken(token), expiresAt, usedAt: null, createdAt: now },
      });
      const content = await renderMail(tx, {
        type: 'PASSWORD_RESET',
        tiers: account.tiers,
        identifiant: account.login,
        expiresAt,
      });
      await enqueueMail(tx, {
        type: 'PASSWORD_RESET',
        review: false,
        accountId: account.id,
        tiersId: account.tiersId,
        to: account.tiers.email!,
        toName: displayName(account.tiers),
        content,
        secret: { plain: passwordLink(token), createdAt: now, expiresAt },
      });
      await recordEvent(
        tx,
        { type: 'EXTRANET', accountId: account.id, ip },
        {
          type: 'extranet.reset_requested',
          tiersId: account.tiersId,
          targetType: 'ExtranetAccount',
          targetId: account.id,
        },
      );
    });
  }
  return accounts.length;
}

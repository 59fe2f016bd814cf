import 'server-only';
import { z } from 'zod';
import { withdrawUnsentMails } from '@/server/outbox/withdraw-unsent-mails';
import { recordEvent } from '@/server/journal/record-event';
import { db, type Tx } from '@/server/db';
import { renderMail } from '@/server/mail/render-mail';
import { enqueueMail } from '@/server/outbox/enqueue-mail';
import { decryptSecret, encryptSecret } from '@/server/crypto/secret-box';
import { displayName } from '@/shared/tiers/names';
import { normalizeLogin } from '@/server/session/typed-login';
import { RESET_REQUESTED, tooManyResetRequests } from './messages';
import { resetRequestsWaiting, takeOldestResetRequest } from './extranet.sql';
import { RESET_POLICY, reserveBucket } from '@/server/session/throttle';
import { passwordLink } from '@/server/access/verification-token';
import { newToken } from '@/server/crypto/token';

export const RESET_TTL_MS = 30 * 60_000;
const WORKER_TRANSACTION = { maxWait: 10 * 60_000, timeout: 60_000 };

export const ZResetRequest = z.object({
  identifier: z.string().trim().min(1, 'Saisissez votre identifiant ou votre adresse e-mail.').max(320),
});

/**
 * "Mot de passe oublié": the request does the same work whatever was typed (the throttle, keyed on the address and on
 * the entry, never on an account, then one row in ResetRequest, the entry sealed) and answers the same sentence. Whether the entry names
 * an account is found out later, off the request path, by workResetRequests: neither the answer nor the work that
 * follows it in this process tells a match from a miss (docs/decisions/035).
 */
export async function requestPasswordReset(input: z.output<typeof ZResetRequest>, ip: string | null): Promise<string> {
  const typed = normalizeLogin(input.identifier);
  for (const key of [`reset:${typed}`, ...(ip ? [`reset-ip:${ip}`] : [])]) {
    const reservation = await reserveBucket(key, RESET_POLICY);
    if (!reservation.allowed) return tooManyResetRequests(reservation.lockedUntil);
  }
  // The app's clock, as for the credential times it is compared with.
  // Sealed, so that a copy of the table reveals nothing typed (a password typed by mistake, who asked what): the same
  // work for any entry (docs/decisions/044).
  await db.resetRequest.create({
    data: { entrySealed: new Uint8Array(encryptSecret(typed)), ip, createdAt: new Date() },
  });
  return RESET_REQUESTED;
}

/**
 * Works off queued requests, oldest first, each in its own transaction: the row is claimed (SKIP LOCKED, so any
 * number of processes may work) and deleted with the mails it causes, or left for the next run if that fails.
 */
export async function workResetRequests(limit = 50): Promise<number> {
  // Nearly always nothing waits: one plain statement then, not a transaction every second on the embedded engine's
  // one connection. A plain statement waits for the database as long as it takes (an npm start still migrating).
  if (!(await resetRequestsWaiting(db))) return 0;
  let worked = 0;
  while (worked < limit) {
    const found = await db.$transaction(async (tx) => {
      const request = await takeOldestResetRequest(tx);
      if (!request) return false;
      const entry = unseal(request.entrySealed);
      // Sealed with another key (OUTBOX_KEY changed): nothing to serve; the row is gone, the person asks again.
      if (entry !== null) await queueResetMails(tx, { entry, ip: request.ip, createdAt: request.createdAt });
      return true;
      // Off the request path, so waiting is harmless: Prisma's default (2 s for the connection, P2028 after) failed
      // every second while an import or a first seed held the embedded engine's one connection.
    }, WORKER_TRANSACTION);
    if (!found) break;
    worked++;
  }
  return worked;
}

function unseal(sealed: Uint8Array): string | null {
  try {
    return decryptSecret(sealed);
  } catch {
    return null;
  }
}

/**
 * Queues a reset mail (sent automatically, no review) to each enrolled account matching the identifiant or e-mail,
 * unless its credentials changed after the request (envelope, Désinscrire then Inscrire, a new password): a link
 * asked for before must not work after (docs/decisions/035).
 */
async function queueResetMails(
  tx: Tx,
  { entry: typed, ip, createdAt: askedAt }: { entry: string; ip: string | null; createdAt: Date },
): Promise<void> {
  const accounts = await tx.extranetAccount.findMany({
    where: {
      status: 'ENROLLED',
      tiers: { email: { not: null } },
      OR: [{ login: typed }, { tiers: { email: { equals: typed, mode: 'insensitive' } } }],
      AND: [
        { OR: [{ credentialsGeneratedAt: null }, { credentialsGeneratedAt: { lt: askedAt } }] },
        { OR: [{ unenrolledAt: null }, { unenrolledAt: { lt: askedAt } }] },
        { OR: [{ password: { is: null } }, { password: { updatedAt: { lt: askedAt } } }] },
      ],
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
    const { token, tokenHash } = newToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
    await tx.verification.upsert({
      where: { type_accountId: { type: 'PASSWORD_RESET', accountId: account.id } },
      create: { type: 'PASSWORD_RESET', accountId: account.id, tokenHash, expiresAt },
      update: { tokenHash, expiresAt, usedAt: null, createdAt: now },
    });
    const actor = { type: 'EXTRANET' as const, accountId: account.id, ip };
    // The older link is dead: its mail, if still unsent, does not leave.
    await withdrawUnsentMails(tx, actor, [account.id], ['PASSWORD_RESET'], 'REPLACED', 'newer_link');
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
    await recordEvent(tx, actor, {
      type: 'extranet.reset_requested',
      tiersId: account.tiersId,
      targetId: account.id,
    });
  }
}

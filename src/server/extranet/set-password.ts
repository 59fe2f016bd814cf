import 'server-only';
import { withdrawUnsentMails } from '@/server/outbox/withdraw-unsent-mails';
import { CREDENTIAL_MAIL_TYPES } from '@/server/outbox/mail-kinds';
import { recordEvent, type Actor } from '@/server/journal/record-event';
import type { Tx } from '@/server/db';
import { renderMail } from '@/server/mail/render-mail';
import { enqueueMail } from '@/server/outbox/enqueue-mail';
import { keepSessionAfterPasswordChange, revokeSessions } from '@/server/session/sessions';
import { displayName } from '@/shared/tiers/names';
import { revokeAccountTokens } from '@/server/access/verification-token';

export type PasswordChangeVia = 'first_login' | 'security' | 'activation' | 'reset';

/**
 * Stores a new chosen password (hash computed by the caller, outside the transaction) and ends every other
 * session: credential version +1, all sessions but `keepSessionId` revoked, pending links deleted. Queues the
 * "mot de passe modifié" notice. The kept session follows the new credential version; returns it.
 */
export async function setPassword(
  tx: Tx,
  input: { accountId: string; hash: string; keepSessionId: string | null; actor: Actor; via: PasswordChangeVia },
): Promise<{ credentialVersion: number }> {
  const account = await tx.extranetAccount.update({
    where: { id: input.accountId, status: 'ENROLLED' },
    data: { credentialVersion: { increment: 1 }, mustChangePassword: false, failedLoginCount: 0, lockedUntil: null },
    select: {
      id: true,
      credentialVersion: true,
      login: true,
      tiersId: true,
      tiers: {
        select: { kind: true, civility: true, firstName: true, lastName: true, companyName: true, email: true },
      },
    },
  });
  await tx.extranetPassword.upsert({
    where: { accountId: account.id },
    create: { accountId: account.id, hash: input.hash, isTemporary: false, expiresAt: null },
    update: { hash: input.hash, isTemporary: false, expiresAt: null },
  });
  await revokeSessions(tx, { accountId: account.id }, 'password', input.keepSessionId ?? undefined);
  if (input.keepSessionId) await keepSessionAfterPasswordChange(tx, input.keepSessionId, account.credentialVersion);
  await revokeAccountTokens(tx, account.id, input.actor, 'password_changed');
  // An unsent envelope (password or activation link) is older than the password just chosen.
  await withdrawUnsentMails(tx, input.actor, [account.id], CREDENTIAL_MAIL_TYPES, 'REPLACED', 'password_changed');
  const { tiers } = account;
  if (tiers.email) {
    const content = await renderMail(tx, {
      type: 'PASSWORD_CHANGED',
      tiers,
      identifiant: account.login,
      expiresAt: null,
    });
    await enqueueMail(tx, {
      type: 'PASSWORD_CHANGED',
      review: false,
      accountId: account.id,
      tiersId: account.tiersId,
      to: tiers.email,
      toName: displayName(tiers),
      content,
    });
  }
  await recordEvent(tx, input.actor, {
    type: 'extranet.password_changed',
    tiersId: account.tiersId,
    targetId: account.id,
    details: { via: input.via },
  });
  return { credentialVersion: account.credentialVersion };
}

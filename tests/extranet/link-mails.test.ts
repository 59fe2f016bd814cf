// Issue 13 (9, "no obsolete secret ever leaves"): when the credentials of an account change, its unsent mails that
// carry a reset or e-mail-change link (and, on a password set, an older envelope) lose their secret and are withdrawn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCredentials } from '@/server/access/generate-credentials';
import { unenrollAccounts } from '@/server/access/unenroll-accounts';
import { db } from '@/server/db';
import { changeOwnPassword } from '@/server/extranet/change-password';
import { confirmEmailChange } from '@/server/extranet/confirm-email-change';
import { requestPasswordReset, workResetRequests } from '@/server/extranet/request-password-reset';
import { resetPasswordWithToken } from '@/server/extranet/reset-password-with-token';
import { updateMyContact } from '@/server/extranet/update-contact';
import { claimOutboxBatch } from '@/server/outbox/outbox.sql';
import { decryptSecret } from '@/server/crypto/secret-box';
import { staffAudit } from '../factories/access';
import { createExtranetAccount, createVerification, GOOD_PASSWORD, signedInActor } from '../factories/extranet';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';
import { dispatcherFor, sleep } from '../outbox/helpers';

const NEW = 'Hirondelle-Verger-Tambour-84';
let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
});
afterAll(() => peer.close());

/** An account with an unsent reset mail (queued, nobody sending it yet) and an unsent e-mail-change link. */
async function accountWithLinkMails() {
  const { account, tiers, login, password } = await createExtranetAccount({ email: `avant.${Date.now()}@exemple.fr` });
  await requestPasswordReset({ identifier: login }, null);
  expect(await workResetRequests()).toBe(1);
  const actor = await signedInActor(account.id);
  await updateMyContact(actor, { email: `apres.${Date.now()}@exemple.fr`, phone: '', current: password! }, null);
  const links = await db.outboxMail.findMany({
    where: { accountId: account.id, type: { in: ['PASSWORD_RESET', 'EMAIL_CHANGE_CONFIRM'] } },
    select: { id: true, status: true, secretCiphertext: true },
  });
  expect(links).toHaveLength(2);
  for (const mail of links) expect(mail).toMatchObject({ status: 'SENDING', secretCiphertext: expect.anything() });
  return { account, tiers, login, actor, linkIds: links.map((m) => m.id) };
}

async function expectWithdrawn(ids: string[], status: 'CANCELLED' | 'REPLACED', reason: string) {
  for (const id of ids) {
    expect(
      await db.outboxMail.findUniqueOrThrow({ where: { id }, select: { status: true, secretCiphertext: true } }),
    ).toEqual({ status, secretCiphertext: null });
    const event = await db.auditEvent.findFirst({
      where: { targetId: id, type: status === 'CANCELLED' ? 'mail.cancelled' : 'mail.replaced' },
      select: { details: true },
    });
    expect(event?.details).toEqual({ reason });
  }
}

async function deliverAll() {
  peer.received.length = 0;
  const dispatcher = dispatcherFor(peer.url);
  const report = await dispatcher.drain();
  await dispatcher.stop();
  return report;
}

describe('unsent link mails die with the credentials', () => {
  it('a new envelope cancels the unsent reset and e-mail-change mails and wipes their secret', async () => {
    const { audit } = await staffAudit();
    const { tiers, linkIds } = await accountWithLinkMails();
    await generateCredentials(audit, [tiers.id]);
    await expectWithdrawn(linkIds, 'CANCELLED', 'new_credentials');
    await deliverAll();
    expect(peer.received.filter((m) => /jeton=/.test(m.raw))).toHaveLength(0);
  });

  it('a password changed in Sécurité cancels them', async () => {
    const { actor, linkIds } = await accountWithLinkMails();
    await changeOwnPassword(actor, { current: GOOD_PASSWORD, password: NEW, confirm: NEW }, null);
    await expectWithdrawn(linkIds, 'CANCELLED', 'password_changed');
  });

  it('Désinscrire cancels them, journaled once each', async () => {
    const { audit } = await staffAudit();
    const { tiers, linkIds } = await accountWithLinkMails();
    await unenrollAccounts(audit, [tiers.id]);
    await expectWithdrawn(linkIds, 'CANCELLED', 'unenrolled');
    expect(await db.auditEvent.count({ where: { type: 'mail.cancelled', targetId: { in: linkIds } } })).toBe(2);
  });

  it('a password set through a reset link replaces an unsent envelope (activation link) of the account', async () => {
    const { audit } = await staffAudit();
    const { account, tiers } = await createExtranetAccount({ password: null });
    await generateCredentials(audit, [tiers.id]);
    const envelope = await db.outboxMail.findFirstOrThrow({
      where: { accountId: account.id, status: 'PENDING_REVIEW' },
      select: { id: true, secretCiphertext: true },
    });
    expect(envelope.secretCiphertext).not.toBeNull();
    const reset = await createVerification(account.id, 'PASSWORD_RESET');
    await resetPasswordWithToken({ jeton: reset, password: NEW, confirm: NEW }, { ip: null, userAgent: 'vitest' });
    await expectWithdrawn([envelope.id], 'REPLACED', 'password_changed');
  });

  it('a reset mail held by a crashed dispatcher loses its secret on an envelope and is never sent', async () => {
    const { audit } = await staffAudit();
    const { account, tiers, login } = await createExtranetAccount();
    await requestPasswordReset({ identifier: login }, null);
    await workResetRequests();
    const mail = await db.outboxMail.findFirstOrThrow({ where: { accountId: account.id, type: 'PASSWORD_RESET' } });
    expect(await claimOutboxBatch(db, 'crashed-dispatcher', 100, 100)).toContain(mail.id);
    await generateCredentials(audit, [tiers.id]);
    // Held: its secret is gone at once; its status is the send-time check's to give.
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'SENDING',
      secretCiphertext: null,
    });
    await sleep(150); // the crashed dispatcher's lease runs out
    const report = await deliverAll();
    expect(report.withdrawn).toBeGreaterThanOrEqual(1);
    expect(peer.received.filter((m) => m.to.includes(tiers.email!))).toHaveLength(0);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'CANCELLED',
      secretCiphertext: null,
    });
    const event = await db.auditEvent.findFirst({ where: { type: 'mail.cancelled', targetId: mail.id } });
    expect(event).toMatchObject({ actorType: 'SYSTEM', details: { reason: 'link_revoked' } });
  });

  it('a newer reset or e-mail-change link replaces the older unsent mail', async () => {
    const { login, actor, linkIds } = await accountWithLinkMails();
    await requestPasswordReset({ identifier: login }, null);
    await workResetRequests();
    await updateMyContact(actor, { email: `encore.${Date.now()}@exemple.fr`, phone: '', current: GOOD_PASSWORD }, null);
    await expectWithdrawn(linkIds, 'REPLACED', 'newer_link');
    const current = await db.outboxMail.findMany({
      where: {
        accountId: actor.accountId,
        type: { in: ['PASSWORD_RESET', 'EMAIL_CHANGE_CONFIRM'] },
        status: 'SENDING',
      },
      select: { secretCiphertext: true },
    });
    expect(current).toHaveLength(2);
  });

  it('confirming a new address cancels the unsent reset mail to the old one', async () => {
    const { account, tiers, login } = await createExtranetAccount({ email: 'ancienne@exemple.fr' });
    const actor = await signedInActor(account.id);
    await updateMyContact(actor, { email: 'nouvelle@exemple.fr', phone: '', current: GOOD_PASSWORD }, null);
    const confirm = await db.outboxMail.findFirstOrThrow({
      where: { accountId: account.id, type: 'EMAIL_CHANGE_CONFIRM' },
    });
    const token = /confirmer-adresse\?jeton=([\w%-]+)/.exec(decryptSecret(confirm.secretCiphertext!))![1];
    await requestPasswordReset({ identifier: login }, null);
    await workResetRequests();
    const reset = await db.outboxMail.findFirstOrThrow({ where: { accountId: account.id, type: 'PASSWORD_RESET' } });
    expect(reset.toAddress).toBe('ancienne@exemple.fr');
    await confirmEmailChange(decodeURIComponent(token), null);
    expect((await db.tiers.findUniqueOrThrow({ where: { id: tiers.id } })).email).toBe('nouvelle@exemple.fr');
    await expectWithdrawn([reset.id], 'CANCELLED', 'email_confirmed');
  });
});

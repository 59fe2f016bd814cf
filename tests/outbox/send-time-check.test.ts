// Issue 13, items 1 and 10: a credential mail leaves only while its credentials are the account's. A dispatcher that
// crashed holding a mail is played by a real claim under a short lease that nobody finishes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCredentialsAction, unenrollAction } from '@/server/access/actions';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { claimOutboxBatch } from '@/server/outbox/outbox.sql';
import { createEnrolledTiers, staffAudit } from '../factories/access';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';
import { dispatcherFor, messageIdOf, sleep } from './helpers';
import { sendMailsAction } from '@/server/outbox/actions';

let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
});
afterAll(() => peer.close());

/** Envelope then "Envoyer": the person's credential mail is queued for the dispatcher. */
async function queuedCredentialMail() {
  const { staff, audit } = await staffAudit();
  const { tiers, account } = await createEnrolledTiers(audit);
  await executeStaffAction(generateCredentialsAction, staff, { ids: [tiers.id] }, null);
  const mail = await db.outboxMail.findFirstOrThrow({ where: { accountId: account.id, status: 'PENDING_REVIEW' } });
  expect((await executeStaffAction(sendMailsAction, staff, { ids: [mail.id] }, null)).ok).toBe(true);
  return { staff, tiers, account, mail };
}

/** A dispatcher claims every due mail for 100 ms and dies without sending or releasing them. */
async function crashedDispatcherClaims(): Promise<string[]> {
  const ids = await claimOutboxBatch(db, 'crashed-dispatcher', 100, 100);
  expect(ids.length).toBeGreaterThan(0);
  return ids;
}

describe('the send-time check', () => {
  it('a mail held by a crashed dispatcher is not sent after Désinscrire: Annulé, secret wiped', async () => {
    const { staff, tiers, mail } = await queuedCredentialMail();
    await crashedDispatcherClaims();
    expect((await executeStaffAction(unenrollAction, staff, { ids: [tiers.id] }, null)).ok).toBe(true);
    // The held mail lost its secret at once; its status waits for whoever holds it next.
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).secretCiphertext).toBeNull();
    await sleep(150); // the crashed dispatcher's lease runs out
    peer.received.length = 0;
    const dispatcher = dispatcherFor(peer.url);
    const report = await dispatcher.drain();
    await dispatcher.stop();
    expect(report).toMatchObject({ sent: 0, withdrawn: 1 });
    expect(peer.received).toHaveLength(0);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'CANCELLED',
      secretCiphertext: null,
      leasedBy: null,
    });
    expect(
      await db.auditEvent.count({ where: { type: 'mail.cancelled', targetId: mail.id, actorType: 'SYSTEM' } }),
    ).toBe(1);
  });

  it('a mail held by a crashed dispatcher is not sent after a new envelope: Remplacé, only the new one leaves', async () => {
    const { staff, tiers, account, mail } = await queuedCredentialMail();
    await crashedDispatcherClaims();
    await executeStaffAction(generateCredentialsAction, staff, { ids: [tiers.id] }, null);
    const newer = await db.outboxMail.findFirstOrThrow({ where: { accountId: account.id, status: 'PENDING_REVIEW' } });
    await executeStaffAction(sendMailsAction, staff, { ids: [newer.id] }, null);
    await sleep(150);
    peer.received.length = 0;
    const dispatcher = dispatcherFor(peer.url);
    await dispatcher.drain();
    await dispatcher.stop();
    expect(peer.received.map((m) => messageIdOf(m.raw))).toEqual([newer.messageId]);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'REPLACED',
      secretCiphertext: null,
    });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: newer.id } })).toMatchObject({ status: 'SENT' });
  });

  it('a credential mail whose account changed since it was queued is withdrawn even without Désinscrire', async () => {
    const { mail, account } = await queuedCredentialMail();
    // Credentials changed by another path (e.g. the person set a password): the version moved on.
    await db.extranetAccount.update({ where: { id: account.id }, data: { credentialVersion: { increment: 1 } } });
    peer.received.length = 0;
    const dispatcher = dispatcherFor(peer.url);
    await dispatcher.drain();
    await dispatcher.stop();
    expect(peer.received).toHaveLength(0);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'REPLACED',
      secretCiphertext: null,
    });
  });
});

describe('Désinscrire and a new envelope wipe every unsent secret', () => {
  it('a credential mail in Échec loses its secret and becomes Annulé on Désinscrire', async () => {
    const { staff, tiers, mail } = await queuedCredentialMail();
    peer.failWith = { code: 554, message: 'Transaction failed' };
    const dispatcher = dispatcherFor(peer.url);
    await dispatcher.drain();
    await dispatcher.stop();
    peer.failWith = null;
    const failed = await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(failed.status).toBe('FAILED');
    expect(failed.secretCiphertext).not.toBeNull();

    await executeStaffAction(unenrollAction, staff, { ids: [tiers.id] }, null);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'CANCELLED',
      secretCiphertext: null,
    });
  });

  it('a credential mail in Échec becomes Remplacé, secret wiped, on a new envelope', async () => {
    const { staff, tiers, mail } = await queuedCredentialMail();
    peer.failWith = { code: 554, message: 'Transaction failed' };
    const dispatcher = dispatcherFor(peer.url);
    await dispatcher.drain();
    await dispatcher.stop();
    peer.failWith = null;
    await executeStaffAction(generateCredentialsAction, staff, { ids: [tiers.id] }, null);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'REPLACED',
      secretCiphertext: null,
    });
  });
});

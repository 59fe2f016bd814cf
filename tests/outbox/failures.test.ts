import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { createStaffUser } from '../factories';
import { createCredentialMail } from '../factories/outbox';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';
import { dispatcherFor, drainUntil, messageIdOf, sleep } from './helpers';
import { cancelMailsAction, retryMailsAction } from '@/server/outbox/actions';

let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
});
afterAll(() => peer.close());

describe('when the SMTP server does not take the mail', () => {
  it('a 4xx answer is retried with growing delays, then "Échec" with the reason; "Réessayer" delivers once the server accepts', async () => {
    const gestionnaire = await createStaffUser({ role: 'GESTIONNAIRE' });
    const { mail } = await createCredentialMail({ review: false });
    peer.failWith = { code: 451, message: 'Temporary local problem' };
    // A backoff long enough that the second drain below comes before it, even on a loaded machine.
    const dispatcher = dispatcherFor(peer.url, { maxAttempts: 2, backoffMs: 2_000 });

    await dispatcher.drain();
    const afterFirst = await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(afterFirst).toMatchObject({ status: 'SENDING', attempts: 1, leasedBy: null, leaseUntil: null });
    expect(afterFirst.lastError).toBe(
      'Le serveur de messagerie a temporairement refusé le message (451 Temporary local problem)',
    );
    // Backoff: not due again at once.
    expect(afterFirst.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect((await dispatcher.drain()).claimed).toBe(0);

    const failed = await drainUntil(dispatcher, mail.id, 'FAILED');
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 2, maybeDelivered: false });
    expect(failed.secretCiphertext).not.toBeNull(); // kept so that "Réessayer" can still deliver it
    expect(await db.auditEvent.count({ where: { type: 'mail.failed', targetId: mail.id, actorType: 'SYSTEM' } })).toBe(
      1,
    );
    expect(peer.received).toHaveLength(0);

    peer.failWith = null;
    const result = await executeStaffAction(retryMailsAction, gestionnaire, { ids: [mail.id] }, null);
    expect(result).toMatchObject({ ok: true, message: '1 mail remis en envoi.' });
    const sent = await drainUntil(dispatcher, mail.id, 'SENT');
    await dispatcher.stop();
    expect(sent).toMatchObject({ status: 'SENT', secretCiphertext: null });
    expect(peer.received.map((m) => messageIdOf(m.raw))).toEqual([sent.messageId]);
  });

  it('a 5xx answer fails at once with its reason: "550 user unknown" is not tried again', async () => {
    const { mail } = await createCredentialMail({ review: false });
    peer.rcptFailWith = { code: 550, message: '5.1.1 User unknown' };
    const dispatcher = dispatcherFor(peer.url, { maxAttempts: 5 });
    const report = await dispatcher.drain();
    peer.rcptFailWith = null;
    await dispatcher.stop();
    expect(report).toMatchObject({ claimed: 1, failed: 1, retried: 0 });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      lastError: "Le serveur de messagerie a refusé l'adresse (550 5.1.1 User unknown)",
    });
  });

  it('a 5xx answer to the message itself fails at once too', async () => {
    const { mail } = await createCredentialMail({ review: false });
    peer.failWith = { code: 554, message: '5.7.1 Message refused' };
    const dispatcher = dispatcherFor(peer.url, { maxAttempts: 5 });
    await dispatcher.drain();
    peer.failWith = null;
    await dispatcher.stop();
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      lastError: 'Le serveur de messagerie a refusé le message (554 5.7.1 Message refused)',
    });
  });

  it('a server that is down gives "Serveur de messagerie injoignable" after the retries', async () => {
    const gone = await startSmtpPeer();
    await gone.close();
    const { mail } = await createCredentialMail({ review: false });
    const dispatcher = dispatcherFor(gone.url, { maxAttempts: 2 });
    const failed = await drainUntil(dispatcher, mail.id, 'FAILED');
    await dispatcher.stop();
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(failed.lastError).toBe('Serveur de messagerie injoignable (connexion refusée)');
  });

  it('a connection cut before the answer is retried, and the mail leaves once the server answers', async () => {
    const { mail } = await createCredentialMail({ review: false });
    peer.received.length = 0;
    peer.dropAtData = true;
    const dispatcher = dispatcherFor(peer.url, { maxAttempts: 5, backoffMs: 1 });
    await dispatcher.drain();
    peer.dropAtData = false;
    const retried = await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(retried).toMatchObject({ status: 'SENDING', attempts: 1, maybeDelivered: false });
    const sent = await drainUntil(dispatcher, mail.id, 'SENT');
    await dispatcher.stop();
    expect(sent.status).toBe('SENT');
  });

  it('a server that accepts only after our timeout: one retry after a delay, not five, and "maybe delivered" on the row', async () => {
    const { mail } = await createCredentialMail({ review: false });
    peer.received.length = 0;
    peer.delayMs = 1_000;
    const dispatcher = dispatcherFor(peer.url, { maxAttempts: 5, socketTimeoutMs: 250, maybeDeliveredRetryMs: 2_000 });
    await dispatcher.drain();
    const first = await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(first).toMatchObject({ status: 'SENDING', attempts: 1, maybeDelivered: true });
    expect(first.lastError).toMatch(/^Délai dépassé/);
    // The one retry waits: it is not due at once.
    expect((await dispatcher.drain()).claimed).toBe(0);
    const failed = await drainUntil(dispatcher, mail.id, 'FAILED');
    await dispatcher.stop();
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 2, maybeDelivered: true });
    await sleep(1_200); // the slow server keeps what it was sent
    peer.delayMs = 0;
    expect(peer.received.map((m) => messageIdOf(m.raw))).toEqual([failed.messageId, failed.messageId]);
  });

  it('"Annuler" cancels a mail not sent yet and wipes its secret; a sent mail cannot be cancelled', async () => {
    const gestionnaire = await createStaffUser({ role: 'GESTIONNAIRE' });
    const waiting = await createCredentialMail();
    const result = await executeStaffAction(cancelMailsAction, gestionnaire, { ids: [waiting.mail.id] }, null);
    expect(result).toMatchObject({ ok: true, message: '1 mail annulé.' });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: waiting.mail.id } })).toMatchObject({
      status: 'CANCELLED',
      secretCiphertext: null,
    });
    expect(await db.auditEvent.count({ where: { type: 'mail.cancelled', targetId: waiting.mail.id } })).toBe(1);

    const again = await executeStaffAction(cancelMailsAction, gestionnaire, { ids: [waiting.mail.id] }, null);
    expect(again.ok).toBe(false);
  });
});

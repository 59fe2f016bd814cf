import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { cancelMails, retryMails } from '@/server/outbox/outbox-actions';
import { createStaffUser } from '../factories';
import { createCredentialMail } from '../factories/outbox';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';
import { dispatcherFor, drainUntil, messageIdOf } from './helpers';

let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
});
afterAll(() => peer.close());

describe('when the SMTP server does not take the mail', () => {
  it('a 5xx refusal is retried with growing delays, then "Échec" with the reason; "Réessayer" delivers once the server accepts', async () => {
    const gestionnaire = await createStaffUser({ role: 'GESTIONNAIRE' });
    const { mail } = await createCredentialMail({ review: false });
    peer.failWith = { code: 550, message: 'Mailbox unavailable' };
    const dispatcher = dispatcherFor(peer.url, { maxAttempts: 3, backoffMs: 200 });

    await dispatcher.drain();
    const afterFirst = await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(afterFirst).toMatchObject({ status: 'SENDING', attempts: 1, leasedBy: null, leaseUntil: null });
    expect(afterFirst.lastError).toBe('Le serveur de messagerie a refusé le message (550 Mailbox unavailable)');
    // Backoff: not due again at once.
    expect(afterFirst.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect((await dispatcher.drain()).claimed).toBe(0);

    const failed = await drainUntil(dispatcher, mail.id, 'FAILED');
    expect(failed).toMatchObject({
      status: 'FAILED',
      attempts: 3,
      lastError: 'Le serveur de messagerie a refusé le message (550 Mailbox unavailable)',
    });
    expect(failed.secretCiphertext).not.toBeNull(); // kept so that "Réessayer" can still deliver it
    expect(await db.auditEvent.count({ where: { type: 'mail.failed', targetId: mail.id, actorType: 'SYSTEM' } })).toBe(
      1,
    );
    expect(peer.received).toHaveLength(0);

    peer.failWith = null;
    const result = await executeStaffAction(retryMails, gestionnaire, { ids: [mail.id] }, null);
    expect(result).toMatchObject({ ok: true, message: '1 mail remis en envoi.' });
    const sent = await drainUntil(dispatcher, mail.id, 'SENT');
    await dispatcher.stop();
    expect(sent).toMatchObject({ status: 'SENT', secretCiphertext: null });
    expect(peer.received.map((m) => messageIdOf(m.raw))).toEqual([sent.messageId]);
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

  it('a server that does not answer in time gives "Délai dépassé", and the mail leaves once it answers again', async () => {
    const gestionnaire = await createStaffUser({ role: 'GESTIONNAIRE' });
    const { mail } = await createCredentialMail({ review: false });
    peer.received.length = 0;
    peer.delayMs = 1_500;
    const dispatcher = dispatcherFor(peer.url, { maxAttempts: 2, socketTimeoutMs: 250 });
    const failed = await drainUntil(dispatcher, mail.id, 'FAILED');
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(failed.lastError).toMatch(/^Délai dépassé/);

    peer.delayMs = 0;
    await executeStaffAction(retryMails, gestionnaire, { ids: [mail.id] }, null);
    const sent = await drainUntil(dispatcher, mail.id, 'SENT');
    await dispatcher.stop();
    expect(sent).toMatchObject({ status: 'SENT', lastError: null });
    // The slow server may still have kept the timed-out copies: the stable Message-ID tells them apart.
    expect(peer.received.map((m) => messageIdOf(m.raw))).toContain(sent.messageId);
  });

  it('"Annuler" cancels a mail not sent yet and wipes its secret; a sent mail cannot be cancelled', async () => {
    const gestionnaire = await createStaffUser({ role: 'GESTIONNAIRE' });
    const waiting = await createCredentialMail();
    const result = await executeStaffAction(cancelMails, gestionnaire, { ids: [waiting.mail.id] }, null);
    expect(result).toMatchObject({ ok: true, message: '1 mail annulé.' });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: waiting.mail.id } })).toMatchObject({
      status: 'CANCELLED',
      secretCiphertext: null,
    });
    expect(await db.auditEvent.count({ where: { type: 'mail.cancelled', targetId: waiting.mail.id } })).toBe(1);

    const again = await executeStaffAction(cancelMails, gestionnaire, { ids: [waiting.mail.id] }, null);
    expect(again.ok).toBe(false);
  });
});

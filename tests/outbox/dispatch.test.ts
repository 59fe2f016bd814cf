import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/server/session/password';
import { executeStaffAction } from '@/server/auth/staff-action';
import { getConfig } from '@/server/config';
import { db } from '@/server/db';
import { SECRET_PLACEHOLDER } from '@/server/mail/templates';
import { createStaffUser } from '../factories';
import { createCredentialMail } from '../factories/outbox';
import { decodeHeader, parseMail } from '../helpers/mime';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';
import { dispatcherFor, messageIdOf } from './helpers';
import { sendMailsAction } from '@/server/outbox/actions';

let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
});
afterAll(() => peer.close());

describe('a credential mail from "À vérifier" to "Envoyé"', () => {
  it('delivers exactly its content with the real secret, which verifies against the hash, then wipes the secret', async () => {
    const gestionnaire = await createStaffUser({ role: 'GESTIONNAIRE' });
    const { mail, account, password, tiers } = await createCredentialMail();
    const dispatcher = dispatcherFor(peer.url);

    // Waiting for review: the dispatcher leaves it alone.
    expect((await dispatcher.drain()).claimed).toBe(0);
    expect(peer.received).toHaveLength(0);

    const result = await executeStaffAction(sendMailsAction, gestionnaire, { ids: [mail.id] }, '203.0.113.5');
    expect(result).toMatchObject({ ok: true, message: '1 mail envoyé au serveur de messagerie.' });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'SENDING',
      sentById: gestionnaire.id,
    });

    expect((await dispatcher.drain()).sent).toBe(1);
    await dispatcher.stop();
    const [received] = await peer.waitFor(1);
    expect(peer.received).toHaveLength(1);

    const row = await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(row).toMatchObject({ status: 'SENT', secretCiphertext: null, attempts: 1, lastError: null, leasedBy: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.smtpResponse).toMatch(/^250/);

    expect(received.to).toEqual([tiers.email]);
    const parsed = parseMail(received.raw);
    expect(messageIdOf(received.raw)).toBe(row.messageId);
    expect(decodeHeader(parsed.headers.subject)).toBe(row.subject);
    expect(parsed.text.trim()).toBe(row.text.split(SECRET_PLACEHOLDER).join(password).trim());
    expect(parsed.html.trim()).toBe(row.html.split(SECRET_PLACEHOLDER).join(password).trim());
    expect(parsed.text).toContain(account.login);

    // The secret as the person reads it in the mail opens the account.
    const shown = /Mot de passe provisoire\s+(\S+)/.exec(parsed.text)?.[1];
    expect(shown).toBe(password);
    const stored = await db.extranetPassword.findUniqueOrThrow({ where: { accountId: account.id } });
    expect((await verifyPassword(stored.hash, shown!)).valid).toBe(true);

    // Nothing in the database holds the secret any more, in any form.
    const dump = JSON.stringify(await db.outboxMail.findMany());
    expect(dump).not.toContain(password);
    expect(row.secretCiphertext).toBeNull();

    const events = await db.auditEvent.findMany({
      where: { targetId: mail.id },
      select: { type: true, actorStaffId: true, ip: true },
    });
    expect(events).toEqual([{ type: 'mail.sent', actorStaffId: gestionnaire.id, ip: '203.0.113.5' }]);
  });

  it('refuses SUPPORT and leaves the mail waiting', async () => {
    const support = await createStaffUser({ role: 'SUPPORT' });
    const { mail } = await createCredentialMail();
    const result = await executeStaffAction(sendMailsAction, support, { ids: [mail.id] }, null);
    expect(result.ok).toBe(false);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'PENDING_REVIEW',
    });
  });

  it('without SMTP_URL, writes the mail to the local mailbox as an .eml file', async () => {
    const { createMailTransport } = await import('@/server/outbox/transport');
    const { createDispatcher } = await import('@/server/outbox/dispatcher');
    const { readFile } = await import('node:fs/promises');
    const { mail, password } = await createCredentialMail({ review: false });
    const transport = createMailTransport({ smtpUrl: null, dataDir: getConfig().dataDir });
    const dispatcher = createDispatcher({ db, transport, from: getConfig().mailFrom });
    expect((await dispatcher.drain()).sent).toBe(1);
    const row = await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    const file = row.smtpResponse!.replace(/^Écrit dans /, '');
    expect(file).toMatch(/mailbox\/.+\.eml$/);
    const eml = await readFile(file, 'utf8');
    expect(messageIdOf(eml)).toBe(row.messageId);
    expect(parseMail(eml).text).toContain(password);
  });
});

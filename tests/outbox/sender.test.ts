// Issue 14, item 7: a mail leaves in the agency's name, at the configured address, with the reply address set in
// Paramètres (else MAIL_REPLY_TO); and the mail itself says what to do when it expired or was not expected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { addressOf } from '@/server/mail/sender';
import { getConfig } from '@/server/config';
import { createStaffUser } from '../factories';
import { createCredentialMail } from '../factories/outbox';
import { decodeHeader, parseMail } from '../helpers/mime';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';
import { dispatcherFor } from './helpers';
import { saveAgencyIdentityAction } from '@/server/mail/actions';
import { sendMailsAction } from '@/server/outbox/actions';

let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
});
afterAll(() => peer.close());

async function sendOne(options: { replyTo?: string | null } = {}) {
  const staff = await createStaffUser({ role: 'GESTIONNAIRE' });
  const { mail } = await createCredentialMail();
  await executeStaffAction(sendMailsAction, staff, { ids: [mail.id] }, null);
  const dispatcher = dispatcherFor(peer.url, { replyTo: options.replyTo });
  const before = peer.received.length;
  await dispatcher.drain();
  await dispatcher.stop();
  const received = await peer.waitFor(before + 1);
  return parseMail(received[before].raw);
}

describe('the sender of the agency’s mails', () => {
  it('is the agency by name at MAIL_FROM’s address, replies going to the address set in Paramètres', async () => {
    const admin = await createStaffUser({ role: 'ADMIN' });
    const saved = await executeStaffAction(
      saveAgencyIdentityAction,
      admin,
      { agencyName: 'Agence Bellecour Gestion', logoUrl: '', mailSignature: '', agencyEmail: 'contact@bellecour.fr' },
      null,
    );
    expect(saved.ok).toBe(true);
    const mail = await sendOne({ replyTo: 'defaut@agence.fr' });
    expect(decodeHeader(mail.headers.from)).toBe(`Agence Bellecour Gestion <${addressOf(getConfig().mailFrom)}>`);
    expect(mail.headers['reply-to']).toBe('contact@bellecour.fr');
  });

  it('takes MAIL_REPLY_TO when Paramètres sets no reply address, and refuses a malformed one', async () => {
    const admin = await createStaffUser({ role: 'ADMIN' });
    const bad = await executeStaffAction(
      saveAgencyIdentityAction,
      admin,
      { agencyName: 'Agence Bellecour Gestion', logoUrl: '', mailSignature: '', agencyEmail: 'pas-une-adresse' },
      null,
    );
    expect(bad).toMatchObject({ ok: false, fieldErrors: { agencyEmail: [expect.stringMatching(/adresse e-mail/)] } });
    await db.agencySettings.update({ where: { id: 1 }, data: { agencyEmail: null } });
    const mail = await sendOne({ replyTo: 'defaut@agence.fr' });
    expect(mail.headers['reply-to']).toBe('defaut@agence.fr');
  });

  it('renders a titled mail with a button, the expiry in the credentials box and a way forward', async () => {
    const { mail } = await createCredentialMail();
    const row = await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(row.html).toContain(`<title>${row.subject.replace(/'/g, '&#x27;')}</title>`);
    const box = row.html.slice(row.html.indexOf('Identifiant'), row.html.indexOf('Se connecter à mon espace'));
    expect(box).toMatch(/Valable jusqu’au .+\d{4}/);
    expect(row.html).toMatch(/<a[^>]+href="http[^"]+\/extranet\/connexion"[^>]*>.*Se connecter à mon espace/s);
    expect(row.text).toContain('Mot de passe provisoire expiré ?');
    expect(row.text).toContain('Vous n’attendiez pas ce mail ?');
    expect(row.html).not.toContain('#067df7');
  });
});

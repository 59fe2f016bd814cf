// Issue 13 (8): changing the e-mail in "Mes coordonnées" asks for the password, tells the old address, and takes
// effect only when the link mailed to the new address is used; resets go to the confirmed address only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unenrollAccounts } from '@/server/access/unenroll-accounts';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { diagnose } from '@/server/diagnostic/diagnose';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { changeOwnPassword } from '@/server/extranet/change-password';
import { confirmEmailChange } from '@/server/extranet/confirm-email-change';
import { FieldsError } from '@/server/extranet/extranet-action';
import { EMAIL_LINK_INVALID, LINK_INVALID } from '@/server/extranet/messages';
import { requestPasswordReset, workResetRequests } from '@/server/extranet/request-password-reset';
import { resetPasswordWithToken } from '@/server/extranet/reset-password-with-token';
import { pendingEmailChange, updateMyContact } from '@/server/extranet/update-contact';
import { decryptSecret } from '@/server/crypto/secret-box';
import { staffAudit } from '../factories/access';
import { createExtranetAccount, GOOD_PASSWORD, signedInActor } from '../factories/extranet';
import { csvFile, tiersRow } from '../factories/tiers';
import { dispatcherFor } from '../outbox/helpers';
import { decodeHeader, parseMail } from '../helpers/mime';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';
import { runImportAction } from '@/server/import/actions';
import { updateTiersAction } from '@/server/tiers/actions';

const NEW = 'Hirondelle-Verger-Tambour-84';
const ip = '203.0.113.61';
let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
  await db.agencySettings.upsert({
    where: { id: 1 },
    create: { id: 1, agencyName: 'Agence du Parc', agencyPhone: '01 23 45 67 89' },
    update: { agencyName: 'Agence du Parc', agencyPhone: '01 23 45 67 89' },
  });
});
afterAll(() => peer.close());

/** Sends what the centre d'envoi holds through the real SMTP peer; returns the mails received for `to`. */
async function deliver(to: string) {
  const dispatcher = dispatcherFor(peer.url);
  await dispatcher.drain();
  await dispatcher.stop();
  return peer.received
    .filter((m) => m.to.some((address) => address.toLowerCase() === to.toLowerCase()))
    .map((m) => parseMail(m.raw));
}
const linkIn = (text: string) => /https?:\/\/\S+confirmer-adresse\?jeton=([\w%-]+)/.exec(text)?.[1];

async function person(email: string) {
  const { account, tiers, login } = await createExtranetAccount({ email });
  return { account, tiers, login, actor: await signedInActor(account.id) };
}

describe('changing the e-mail in Mes coordonnées', () => {
  it('with a borrowed session (no password) changes nothing and sends nothing', async () => {
    const { actor, tiers } = await person('claire.avant@exemple.fr');
    const refused = await updateMyContact(actor, { email: 'pirate@exemple.net', phone: '' }, ip).catch((e) => e);
    expect(refused).toBeInstanceOf(FieldsError);
    expect(refused.fieldErrors.current).toEqual([
      'Pour changer votre adresse e-mail, saisissez votre mot de passe actuel.',
    ]);
    const wrong = await updateMyContact(actor, { email: 'pirate@exemple.net', phone: '', current: 'devine' }, ip).catch(
      (e) => e,
    );
    expect(wrong.message).toMatch(/^Le mot de passe actuel est incorrect/);
    expect((await db.tiers.findUniqueOrThrow({ where: { id: tiers.id } })).email).toBe('claire.avant@exemple.fr');
    expect(await db.outboxMail.count({ where: { tiersId: tiers.id } })).toBe(0);
    expect(await pendingEmailChange(actor)).toBeNull();
  });

  it('counts a wrong password like a failed sign-in: the growing delay stops the sign-in too', async () => {
    const { actor, login } = await person('lock.test@exemple.fr');
    const messages: string[] = [];
    for (let i = 0; i < 4; i++) {
      const input = { email: 'pirate@exemple.net', phone: '', current: `devine-${i}` };
      messages.push(await updateMyContact(actor, input, ip).catch((e: Error) => e.message));
    }
    // The third failure starts the sign-in's first delay; the fourth try is not even checked.
    expect(messages[2]).toMatch(/^Le mot de passe actuel est incorrect.*Trop de tentatives : patientez/);
    expect(messages[3]).toMatch(/^Trop de tentatives : patientez/);
    expect((await db.extranetAccount.findUniqueOrThrow({ where: { id: actor.accountId } })).failedLoginCount).toBe(3);
    const signIn = await authenticateExtranet({ login, password: GOOD_PASSWORD, ip: null, userAgent: null });
    expect(signIn).toMatchObject({ ok: false, outcome: 'LOCKED' });
  });

  it('with the password: the old address is told (with the agency’s phone), the new one gets a link, and only the link changes the address', async () => {
    const { actor, tiers, account, login } = await person('Paul.Avant@Exemple.fr');
    const message = await updateMyContact(
      actor,
      { email: 'paul.apres@exemple.fr', phone: '06 12 34 56 78', current: GOOD_PASSWORD },
      ip,
    );
    expect(message).toMatch(/Un lien de confirmation vient de partir à paul\.apres@exemple\.fr/);
    // Not changed yet: the phone is, the address waits.
    expect(await db.tiers.findUniqueOrThrow({ where: { id: tiers.id } })).toMatchObject({
      email: 'Paul.Avant@Exemple.fr',
      phone: '06 12 34 56 78',
    });
    expect(await pendingEmailChange(actor)).toMatchObject({ email: 'paul.apres@exemple.fr' });

    const [notice] = await deliver('Paul.Avant@Exemple.fr');
    expect(decodeHeader(notice.headers.subject)).toMatch(/^Changement de votre adresse e-mail demandé/);
    expect(notice.text).toMatch(/Ce n’était pas vous \?/);
    expect(notice.text).toContain('01 23 45 67 89');
    expect(notice.html).toContain('href="tel:0123456789"');
    expect(notice.text).not.toContain('paul.apres@exemple.fr'); // the old address is not told where to look
    const [confirm] = await deliver('paul.apres@exemple.fr');
    expect(decodeHeader(confirm.headers.subject)).toMatch(/^Confirmez votre nouvelle adresse e-mail/);
    const token = decodeURIComponent(linkIn(confirm.text)!);

    // Until confirmed, a reset goes to the old address only.
    await requestPasswordReset({ identifier: 'paul.apres@exemple.fr' }, ip);
    await requestPasswordReset({ identifier: login }, ip);
    await workResetRequests();
    const resets = await db.outboxMail.findMany({ where: { accountId: account.id, type: 'PASSWORD_RESET' } });
    expect(resets.map((m) => m.toAddress)).toEqual(['Paul.Avant@Exemple.fr']);

    // The link mailed to the new address cannot set a password.
    await expect(
      resetPasswordWithToken({ jeton: token, password: NEW, confirm: NEW }, { ip, userAgent: null }),
    ).rejects.toThrow(LINK_INVALID);
    expect(await confirmEmailChange(token, ip)).toEqual({ email: 'paul.apres@exemple.fr' });
    expect((await db.tiers.findUniqueOrThrow({ where: { id: tiers.id } })).email).toBe('paul.apres@exemple.fr');
    await expect(confirmEmailChange(token, ip)).rejects.toThrow(EMAIL_LINK_INVALID);
    // The reset link mailed to the old address died with the change.
    expect(await db.verification.count({ where: { accountId: account.id, type: 'PASSWORD_RESET' } })).toBe(0);

    await requestPasswordReset({ identifier: 'paul.apres@exemple.fr' }, '203.0.113.62');
    await workResetRequests();
    const after = await db.outboxMail.findMany({
      where: { accountId: account.id, type: 'PASSWORD_RESET' },
      orderBy: { createdAt: 'asc' },
    });
    expect(after.map((m) => m.toAddress)).toEqual(['Paul.Avant@Exemple.fr', 'paul.apres@exemple.fr']);

    // Journaled for staff, and shown on the diagnostic like a change made by staff.
    const events = await db.auditEvent.findMany({
      where: { tiersId: tiers.id, type: { in: ['extranet.email_change_requested', 'tiers.email_changed'] } },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.type, e.actorType, e.ip])).toEqual([
      ['extranet.email_change_requested', 'EXTRANET', ip],
      ['tiers.email_changed', 'EXTRANET', ip],
    ]);
    expect(events[1].details).toMatchObject({ old: 'Paul.Avant@Exemple.fr', new: 'paul.apres@exemple.fr' });
    expect((await diagnose(tiers.id)).emailChangedAt).toEqual(events[1].createdAt);
  });

  it('a pending change dies with a password change, and a newer request replaces the older link', async () => {
    const { actor } = await person('marie.avant@exemple.fr');
    const ask = (email: string) => updateMyContact(actor, { email, phone: '', current: GOOD_PASSWORD }, ip);
    await ask('marie.une@exemple.fr');
    await ask('marie.deux@exemple.fr');
    // The older link's mail, replaced before it left, never does (docs/decisions/043).
    expect(await deliver('marie.une@exemple.fr')).toHaveLength(0);
    const older = await db.outboxMail.findFirstOrThrow({ where: { toAddress: 'marie.une@exemple.fr' } });
    expect(older).toMatchObject({ status: 'REPLACED', secretCiphertext: null });
    const [second] = await deliver('marie.deux@exemple.fr');
    await changeOwnPassword(actor, { current: GOOD_PASSWORD, password: NEW, confirm: NEW }, null);
    await expect(confirmEmailChange(decodeURIComponent(linkIn(second.text)!), ip)).rejects.toThrow(EMAIL_LINK_INVALID);
    expect((await db.tiers.findUniqueOrThrow({ where: { id: actor.tiersId } })).email).toBe('marie.avant@exemple.fr');
  });

  it('Désinscrire kills a pending change and cancels its unsent link mail, secret wiped', async () => {
    const { audit } = await staffAudit();
    const { actor, tiers } = await person('remi.avant@exemple.fr');
    await updateMyContact(actor, { email: 'remi.apres@exemple.fr', phone: '', current: GOOD_PASSWORD }, ip);
    await unenrollAccounts(audit, [tiers.id]);
    const mails = await db.outboxMail.findMany({ where: { tiersId: tiers.id }, orderBy: { toAddress: 'asc' } });
    expect(mails.map((m) => [m.type, m.status, m.secretCiphertext])).toEqual([
      ['EMAIL_CHANGE_CONFIRM', 'CANCELLED', null],
      ['EMAIL_CHANGE_NOTICE', 'SENDING', null],
    ]);
    expect(await db.verification.count({ where: { accountId: actor.accountId } })).toBe(0);
  });

  it('the same address in other letters is no change, and a phone alone needs no password', async () => {
    const { actor, tiers } = await person('Zoe.Meme@Exemple.fr');
    expect(await updateMyContact(actor, { email: 'zoe.meme@exemple.fr', phone: '06 12 34 56 78' }, ip)).toMatch(
      /^Aucune modification/,
    );
    expect(await updateMyContact(actor, { email: 'zoe.meme@exemple.fr', phone: '07 00 00 00 01' }, ip)).toBe(
      'Vos coordonnées sont enregistrées.',
    );
    expect(await db.tiers.findUniqueOrThrow({ where: { id: tiers.id } })).toMatchObject({
      email: 'Zoe.Meme@Exemple.fr',
      phone: '07 00 00 00 01',
    });
  });
});

describe('a staff change of the e-mail', () => {
  /** A person with a pending change (link mailed, not used yet) and the link's token. */
  async function pending(email: string, asked: string) {
    const { actor, tiers, account } = await person(email);
    await updateMyContact(actor, { email: asked, phone: '', current: GOOD_PASSWORD }, ip);
    const mail = await db.outboxMail.findFirstOrThrow({
      where: { accountId: account.id, type: 'EMAIL_CHANGE_CONFIRM' },
    });
    const token = decodeURIComponent(linkIn(decryptSecret(mail.secretCiphertext!))!);
    return { actor, tiers, mailId: mail.id, token };
  }

  async function expectCancelled(tiersId: string, mailId: string, token: string, asked: string, source: string) {
    expect(await db.verification.count({ where: { type: 'EMAIL_CHANGE', account: { tiersId } } })).toBe(0);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mailId } })).toMatchObject({
      status: 'CANCELLED',
      secretCiphertext: null,
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { type: 'extranet.email_change_cancelled', tiersId } });
    expect(event).toMatchObject({ actorType: 'STAFF', details: { pending: asked, source } });
    await expect(confirmEmailChange(token, ip)).rejects.toThrow(EMAIL_LINK_INVALID);
  }

  it('in the tiers form kills the pending change: the link no longer overwrites the address staff set', async () => {
    const { staff } = await staffAudit();
    const { tiers, mailId, token } = await pending('lucie.avant@exemple.fr', 'lucie.demandee@exemple.fr');
    const t = await db.tiers.findUniqueOrThrow({ where: { id: tiers.id } });
    const edit = {
      id: t.id,
      kind: t.kind,
      civility: t.civility ?? '',
      lastName: t.lastName,
      firstName: t.firstName ?? '',
      email: 'lucie.agence@exemple.fr',
      phone: t.phone ?? '',
      addressLine: t.addressLine ?? '',
      postalCode: t.postalCode ?? '',
      city: t.city ?? '',
      externalRef: t.externalRef ?? '',
      confirmDuplicates: true,
    };
    expect(await executeStaffAction(updateTiersAction, staff, edit, null)).toMatchObject({ ok: true });
    await expectCancelled(tiers.id, mailId, token, 'lucie.demandee@exemple.fr', 'form');
    expect((await db.tiers.findUniqueOrThrow({ where: { id: tiers.id } })).email).toBe('lucie.agence@exemple.fr');
  });

  it('by an import kills the pending change too; an import that keeps the address leaves it alone', async () => {
    const { staff } = await staffAudit();
    const kept = await pending('hugo.avant@exemple.fr', 'hugo.demande@exemple.fr');
    const changed = await pending('ines.avant@exemple.fr', 'ines.demande@exemple.fr');
    const ref = (id: string) => `EXT-${id}`;
    for (const { tiers } of [kept, changed])
      await db.tiers.update({ where: { id: tiers.id }, data: { externalRef: ref(tiers.id) } });
    const row = (id: string, email: string) =>
      tiersRow({ ref: ref(id), lastName: 'Import', firstName: 'Test', civility: 'Mme', email });
    const file = csvFile('tiers', [
      row(kept.tiers.id, 'hugo.avant@exemple.fr'),
      row(changed.tiers.id, 'ines.agence@exemple.fr'),
    ]);
    expect(await executeStaffAction(runImportAction, staff, { kind: 'tiers', file }, null)).toMatchObject({ ok: true });
    await expectCancelled(changed.tiers.id, changed.mailId, changed.token, 'ines.demande@exemple.fr', 'import');
    expect(await db.verification.count({ where: { type: 'EMAIL_CHANGE', account: { tiersId: kept.tiers.id } } })).toBe(
      1,
    );
    expect((await confirmEmailChange(kept.token, ip)).email).toBe('hugo.demande@exemple.fr');
  });
});

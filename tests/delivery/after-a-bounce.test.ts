// What staff read after a relay said a mail never arrived (docs/decisions/022): the Diagnostic de connexion's
// verdict, the "invalide" mark on the address until it is changed, the loupe's delivery events, the access list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeStaffAction } from '@/server/auth/staff-action';
import { listAccounts } from '@/server/access/list-accounts';
import { ZListQuery } from '@/server/access/schemas';
import { recordDeliveryEvent, type DeliveryEventInput } from '@/server/delivery/record-delivery-event';
import { diagnose } from '@/server/diagnostic/diagnose';
import { previewMail } from '@/server/outbox/preview-mail';
import { createStaffUser } from '../factories';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';
import { sentCredentialMail } from './helpers';
import { updateTiersAction } from '@/server/tiers/actions';

let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
});
afterAll(() => peer.close());

let n = 0;
const event = (messageRef: string, kind: DeliveryEventInput['kind'], extra: Partial<DeliveryEventInput> = {}) =>
  recordDeliveryEvent({
    source: 'dsn',
    externalId: `test-${++n}`,
    kind,
    messageRef,
    recipient: null,
    smtpStatus: kind === 'HARD_BOUNCE' ? '5.1.1' : null,
    reason: kind === 'HARD_BOUNCE' ? '550 5.1.1 User unknown' : 'refused by policy',
    occurredAt: new Date(),
    ...extra,
  });

describe('the diagnostic after a bounce', () => {
  it('"the address does not exist": fix it, then new credentials; the mark goes with the old address', async () => {
    const { mail, tiers } = await sentCredentialMail(peer);
    await event(mail.messageId, 'HARD_BOUNCE');

    const d = await diagnose(tiers.id);
    expect(d.verdict).toEqual({
      cause: `Le mail n'est jamais arrivé : l'adresse ${tiers.email} n'existe pas.`,
      fix: 'Corrigez-la puis générez de nouveaux identifiants.',
      action: 'FIX_EMAIL',
    });
    expect(d.person.emailInvalid?.reason).toBe('550 5.1.1 User unknown');
    expect(d.lastMail).toMatchObject({ status: 'BOUNCED', deliveryKind: 'HARD_BOUNCE' });

    const gestionnaire = await createStaffUser({ role: 'GESTIONNAIRE' });
    const [inList] = (await listAccounts(ZListQuery.parse({ type: 'locataire', q: tiers.email! }))).rows;
    expect(inList).toMatchObject({ tiersId: tiers.id, emailInvalid: true, lastMail: { status: 'BOUNCED' } });

    const preview = await previewMail({ type: 'STAFF', staffId: gestionnaire.id, ip: null }, mail.id);
    expect(preview.statusLabel).toBe('Rejeté');
    expect(preview.deliveryEvents).toEqual([
      {
        at: expect.any(String),
        label: 'Adresse inexistante',
        detail: '550 5.1.1 User unknown',
        source: 'avis de non-remise',
      },
    ]);

    const fixed = `corrigee.${tiers.id}@exemple.fr`;
    const result = await executeStaffAction(
      updateTiersAction,
      gestionnaire,
      {
        id: tiers.id,
        kind: tiers.kind,
        civility: tiers.civility,
        lastName: tiers.lastName,
        firstName: tiers.firstName,
        email: fixed,
        phone: tiers.phone,
        addressLine: tiers.addressLine,
        postalCode: tiers.postalCode,
        city: tiers.city,
        externalRef: tiers.externalRef,
        confirmDuplicates: 'on',
      },
      null,
    );
    expect(result.ok).toBe(true);
    const after = await diagnose(tiers.id);
    expect(after.person.emailInvalid).toBeNull();
    expect(after.verdict).toMatchObject({
      cause: `Le dernier mail d'identifiants a été rejeté à l'ancienne adresse ${tiers.email} ; l'adresse a été corrigée depuis.`,
      action: 'GENERATE',
    });
    const [again] = (await listAccounts(ZListQuery.parse({ type: 'locataire', q: fixed }))).rows;
    expect(again.emailInvalid).toBe(false);
  });

  it('a block and a spam complaint have verdicts of their own', async () => {
    const blocked = await sentCredentialMail(peer);
    await event(blocked.mail.messageId, 'BLOCKED');
    expect((await diagnose(blocked.tiers.id)).verdict).toMatchObject({
      cause: `Le mail n'est jamais arrivé : le serveur de l'adresse ${blocked.tiers.email} l'a bloqué (refused by policy).`,
      action: 'FIX_EMAIL',
    });
    expect((await diagnose(blocked.tiers.id)).person.emailInvalid).toBeNull();

    const spam = await sentCredentialMail(peer);
    await event(spam.mail.messageId, 'COMPLAINED');
    expect((await diagnose(spam.tiers.id)).verdict).toMatchObject({
      cause: `Le mail d'identifiants a été signalé comme spam depuis l'adresse ${spam.tiers.email} : la personne ne le retrouvera pas dans sa boîte de réception.`,
      action: 'GENERATE',
    });
  });

  it('a deferral is told in the "never used" verdict, without changing it', async () => {
    const { mail, tiers } = await sentCredentialMail(peer);
    await event(mail.messageId, 'DEFERRED', { reason: '451 4.7.1 greylisted', smtpStatus: '4.7.1' });
    const { verdict } = await diagnose(tiers.id);
    expect(verdict.cause).toMatch(
      /^Identifiants envoyés le .+ mais jamais utilisés\. Dernier suivi du relais : Différé le .+ \(451 4\.7\.1 greylisted\)\.$/,
    );
  });
});

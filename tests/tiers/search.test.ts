// The person search of the Tiers list, the centre d'envoi (Destinataire) and the journal (Personne): names as read
// in the list, in any order, civility, accents and case ignored, parts of words, e-mail, phone, reference.
import { beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '@/server/journal/record-event';
import { db } from '@/server/db';
import { listEvents } from '@/server/journal/list-events';
import { listOutbox, ZOutboxFilter } from '@/server/outbox/list-outbox';
import { listTiers, ZTiersListQuery } from '@/server/tiers/list-tiers';
import { createStaffUser, createTiers } from '../factories';

const SEARCHES = [
  'Cédric André',
  'M. Cédric André',
  'andre',
  'CEDR',
  'cedr andr',
  'cabinet-lumiere',
  '06 71 23 45 89',
  'loc-7731',
];

let cedric: { id: string };
const others: string[] = [];

async function mailTo(tiersId: string, toAddress: string) {
  await db.outboxMail.create({
    data: {
      tiersId,
      toAddress,
      type: 'PASSWORD_CHANGED',
      status: 'SENT',
      subject: 'Votre mot de passe a changé',
      html: '<p>ok</p>',
      text: 'ok',
      messageId: `<${tiersId}@search.test>`,
    },
  });
}

beforeAll(async () => {
  cedric = await createTiers({ lastName: 'André', firstName: 'Cédric', email: 'c.andre-bureau@cabinet-lumiere.fr' });
  await db.tiers.update({ where: { id: cedric.id }, data: { phone: '06 71 23 45 89', externalRef: 'LOC-7731' } });
  for (const [lastName, firstName] of [
    ['Andréani', 'Cédrick'],
    ['Durand', 'Cédric'],
    ['Andrey', 'Marc'],
    ['Martin', 'Claire'],
  ])
    others.push((await createTiers({ lastName, firstName })).id);
  const staff = await createStaffUser();
  for (const id of [cedric.id, ...others]) {
    await mailTo(id, id === cedric.id ? 'c.andre-bureau@cabinet-lumiere.fr' : `${id}@exemple.fr`);
    await recordEvent(db, { type: 'STAFF', staffId: staff.id, ip: null }, { type: 'access.enrolled', tiersId: id });
  }
});

describe('person search', () => {
  it('Tiers: finds the person, best match first', async () => {
    for (const q of SEARCHES) {
      const { rows, total } = await listTiers(ZTiersListQuery.parse({ q }));
      expect(rows[0]?.id, q).toBe(cedric.id);
      expect(rows.length, q).toBe(total);
    }
    expect((await listTiers(ZTiersListQuery.parse({ q: 'Cédric André' }))).rows.map((r) => r.lastName)).toEqual([
      'André',
      'Andréani',
    ]);
    expect((await listTiers(ZTiersListQuery.parse({ q: 'Claude André' }))).total).toBe(0);
    // Still filtered by kind and archive state.
    expect((await listTiers(ZTiersListQuery.parse({ q: 'andre', type: 'PROPRIETAIRE' }))).total).toBe(0);
  });

  it("centre d'envoi: finds the person's mails by Destinataire", async () => {
    for (const q of SEARCHES) {
      const { rows } = await listOutbox(ZOutboxFilter.parse({ q }));
      expect(
        rows.some((r) => r.toAddress === 'c.andre-bureau@cabinet-lumiere.fr'),
        q,
      ).toBe(true);
    }
    // Both names hold "cedric" and "andre": Cédric André and Cédrick Andréani, nobody else.
    const { rows } = await listOutbox(ZOutboxFilter.parse({ q: 'M. Cédric André' }));
    expect(rows.map((r) => r.toAddress).sort()).toEqual([
      'c.andre-bureau@cabinet-lumiere.fr',
      `${others[0]}@exemple.fr`,
    ]);
    expect((await listOutbox(ZOutboxFilter.parse({ q: 'Claude André' }))).rows).toEqual([]);
  });

  it('journal: finds the events of the person', async () => {
    for (const q of SEARCHES) {
      const { rows } = await listEvents({ q });
      expect(
        rows.some((r) => r.person?.id === cedric.id),
        q,
      ).toBe(true);
    }
    const { rows } = await listEvents({ q: 'M. Cédric André' });
    expect(rows.map((r) => r.person?.name).sort()).toEqual(['Mme Cédric André', 'Mme Cédrick Andréani']);
  });
});

import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { contactAgency } from '@/server/extranet/contact-agency';
import { downloadMyDocument } from '@/server/extranet/download-document';
import { getMyDocument, listMyDocuments } from '@/server/extranet/my-documents';
import { getMyLease, getMyProperty, isLeaseEnded, listMyLeases, listMyProperties } from '@/server/extranet/my-space';
import { leaseStatus } from '@/server/leases/lease-status';
import { updateMyContact } from '@/server/extranet/update-contact';
import { createPropertyWithLease, createTiers } from '../factories';
import { createDocument, createExtranetAccount, signedInActor } from '../factories/extranet';

async function tenantWithHome() {
  const tenant = await createTiers({ kind: 'LOCATAIRE', lastName: 'Durand' });
  const coTenant = await createTiers({ kind: 'LOCATAIRE', lastName: 'Petit', firstName: 'Léo' });
  const home = await createPropertyWithLease({ tenantIds: [tenant.id, coTenant.id] });
  const { account } = await createExtranetAccount({ tiersId: tenant.id });
  return { tenant, home, actor: await signedInActor(account.id) };
}

describe('a tenant sees their own home, lease and documents only', () => {
  it('lists the lease with co-tenants and amounts; an ended lease is shown as ended', async () => {
    const { home, actor, tenant } = await tenantWithHome();
    const old = await createPropertyWithLease({ tenantIds: [tenant.id] });
    await db.lease.update({ where: { id: old.lease.id }, data: { endDate: new Date(Date.UTC(2023, 11, 31)) } });
    const leases = await listMyLeases(actor);
    expect(leases.map((l) => [l.id, l.ended])).toEqual([
      [home.lease.id, false],
      [old.lease.id, true],
    ]);
    expect(leases[0]).toMatchObject({
      rentCents: 72000,
      chargesCents: 8000,
      depositCents: 72000,
      coTenants: ['Mme Léo Petit'],
    });
    expect(leases[0].property).toMatchObject({ unitLabel: 'Lot 4', city: 'Lyon' });
  });

  it("gets not-found for another tenant's lease, bien and document by id", async () => {
    const { actor, home } = await tenantWithHome();
    // "Mon bien" is an owner's page: a tenant finds their home in "Mon logement", never by the bien's id.
    await expect(getMyProperty(actor, home.property.id)).rejects.toThrow(NotFoundError);
    const stranger = await createPropertyWithLease();
    const theirs = await createDocument({ leaseId: stranger.lease.id });
    const theirsByTiers = await createDocument({ tiersId: stranger.tenantIds[0] });
    await expect(getMyLease(actor, stranger.lease.id)).rejects.toThrow(NotFoundError);
    await expect(getMyProperty(actor, stranger.property.id)).rejects.toThrow(NotFoundError);
    await expect(getMyDocument(actor, theirs.id)).rejects.toThrow(NotFoundError);
    await expect(downloadMyDocument(actor, theirsByTiers.id)).rejects.toThrow(NotFoundError);
    expect(await listMyDocuments(actor)).toEqual([]);
  });

  it("lists and streams their documents, not hidden ones nor the owner's comptes rendus", async () => {
    const { actor, home, tenant } = await tenantWithHome();
    const own = await createDocument({ tiersId: tenant.id, title: 'Quittance mars', content: 'quittance-mars' });
    const lease = await createDocument({ leaseId: home.lease.id, category: 'BAIL', title: 'Bail signé' });
    const building = await createDocument({
      propertyId: home.property.id,
      category: 'AUTRE',
      title: 'Règlement de copropriété',
    });
    await createDocument({ propertyId: home.property.id, category: 'COMPTE_RENDU_GERANCE', title: 'CRG' });
    await createDocument({ tiersId: tenant.id, visible: false, title: 'Brouillon' });
    expect((await listMyDocuments(actor)).map((d) => d.id).sort()).toEqual([own.id, lease.id, building.id].sort());
    const response = await downloadMyDocument(actor, own.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    expect(await response.text()).toBe('quittance-mars');
  });
});

describe('an owner sees only their biens', () => {
  it('lists each bien with its current lease and tenant, and nobody else’s', async () => {
    const owner = await createTiers({ kind: 'PROPRIETAIRE', lastName: 'Bernard' });
    const tenant = await createTiers({ kind: 'LOCATAIRE', lastName: 'Moreau', firstName: 'Jade' });
    const mine = await createPropertyWithLease({ ownerId: owner.id, tenantIds: [tenant.id] });
    const vacant = await db.property.create({
      data: { kind: 'STUDIO', addressLine: '2 quai Perrache', postalCode: '69002', city: 'Lyon', ownerId: owner.id },
    });
    const other = await createPropertyWithLease();
    const { account } = await createExtranetAccount({ tiersId: owner.id });
    const actor = await signedInActor(account.id);
    const properties = await listMyProperties(actor);
    expect(properties.map((p) => p.id).sort()).toEqual([mine.property.id, vacant.id].sort());
    const withLease = properties.find((p) => p.id === mine.property.id)!;
    expect(withLease.currentLease).toMatchObject({ rentCents: 72000, tenants: ['Mme Jade Moreau'] });
    expect(properties.find((p) => p.id === vacant.id)!.currentLease).toBeNull();
    await expect(getMyProperty(actor, other.property.id)).rejects.toThrow(NotFoundError);
    await expect(getMyLease(actor, mine.lease.id)).rejects.toThrow(NotFoundError); // leases are the tenants' pages
    const crg = await createDocument({ propertyId: mine.property.id, category: 'COMPTE_RENDU_GERANCE' });
    const otherDoc = await createDocument({ propertyId: other.property.id });
    expect((await listMyDocuments(actor)).map((d) => d.id)).toEqual([crg.id]);
    await expect(getMyDocument(actor, otherDoc.id)).rejects.toThrow(NotFoundError);
  });
});

describe('Mes coordonnées and Contacter l’agence', () => {
  it('changes the phone at once with a journal entry for staff (the e-mail waits for its link: email-change.test.ts)', async () => {
    const { actor, tenant } = await tenantWithHome();
    const input = { email: tenant.email!, phone: '07 00 00 00 01' };
    expect(await updateMyContact(actor, input, '203.0.113.4')).toBe('Vos coordonnées sont enregistrées.');
    expect(await db.tiers.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({
      email: tenant.email,
      phone: '07 00 00 00 01',
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { type: 'extranet.contact_changed', tiersId: tenant.id },
    });
    expect(event).toMatchObject({ actorType: 'EXTRANET', actorAccountId: actor.accountId, ip: '203.0.113.4' });
    expect(event.details).toEqual({ phone: { before: tenant.phone, after: '07 00 00 00 01' } });
    expect(await updateMyContact(actor, input, null)).toMatch(/Aucune modification/);
  });

  it('sends a message that staff find in Assistance', async () => {
    const { actor, tenant } = await tenantWithHome();
    await contactAgency(actor, { subject: 'Fuite', body: 'Le robinet fuit.' }, null);
    expect(await db.contactMessage.findFirst({ where: { tiersId: tenant.id } })).toMatchObject({
      subject: 'Fuite',
      status: 'NEW',
      accountId: actor.accountId,
    });
  });
});

describe('a lease ends on the Paris calendar, on the extranet as in the back office', () => {
  it('is ended from the first minutes of the next day in Paris, whatever the server clock', () => {
    const lease = { startDate: new Date('2024-01-01'), endDate: new Date('2026-12-06') };
    const parisJustAfterMidnight = new Date('2026-12-06T23:30:00Z'); // 7 December, 00:30 in Paris
    expect(leaseStatus(lease, parisJustAfterMidnight)).toBe('ENDED');
    expect(isLeaseEnded(lease, parisJustAfterMidnight)).toBe(true);
    const parisEvening = new Date('2026-12-06T21:30:00Z'); // 6 December, 22:30 in Paris: the last leased day
    expect(isLeaseEnded(lease, parisEvening)).toBe(false);
  });
});

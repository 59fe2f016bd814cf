import { describe, expect, it } from 'vitest';
import { executeStaffAction, MESSAGES } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { createPropertyWithLease, createStaffUser, createTiers } from '../factories';
import { csvFile, fileOf, PDF_BYTES, snapshotCounts, tiersRow } from '../factories/tiers';
import { uploadDocumentAction } from '@/server/documents/actions';
import { dryRunImportAction, runImportAction } from '@/server/import/actions';
import { createLeaseAction, updateLeaseAction } from '@/server/leases/actions';
import { createPropertyAction, updatePropertyAction } from '@/server/properties/actions';
import { archiveTiersAction, createTiersAction, updateTiersAction } from '@/server/tiers/actions';

const person = {
  kind: 'LOCATAIRE',
  civility: 'Mme',
  lastName: 'Lefèvre',
  firstName: 'Élodie',
  email: 'elodie.lefevre@exemple.fr',
  phone: '06 11 22 33 44',
  addressLine: '8 rue des Lilas',
  postalCode: '69006',
  city: 'Lyon',
  externalRef: 'LOC-900',
};

describe('tiers create, edit, archive', () => {
  it('creates a tiers with its sort name and a journal event', async () => {
    const staff = await createStaffUser();
    const result = await executeStaffAction(createTiersAction, staff, person, '203.0.113.5');
    expect(result).toMatchObject({ ok: true, message: 'Mme Élodie Lefèvre a été créé.' });
    const id = (result as { data: { id: string } }).data.id;
    expect(await db.tiers.findUniqueOrThrow({ where: { id } })).toMatchObject({
      sortName: 'lefevre elodie',
      email: 'elodie.lefevre@exemple.fr',
      externalRef: 'LOC-900',
    });
    expect(await db.auditEvent.findFirst({ where: { type: 'tiers.created', tiersId: id } })).toMatchObject({
      actorStaffId: staff.id,
      ip: '203.0.113.5',
    });
  });

  it('warns about a duplicate (same e-mail, or same name and address) and saves only once confirmed', async () => {
    const staff = await createStaffUser();
    const existing = await createTiers({ lastName: 'Dupré', firstName: 'Anaïs', email: 'anais.dupre@exemple.fr' });
    const before = await db.tiers.count();
    const dup = { ...person, lastName: 'Dupré', firstName: 'Anaïs', email: 'Anais.Dupre@exemple.fr', externalRef: '' };
    const warned = await executeStaffAction(createTiersAction, staff, dup, null);
    expect(warned).toMatchObject({
      ok: true,
      message:
        "Un tiers ressemble à celui-ci : vérifiez, puis cliquez sur « Enregistrer quand même » si ce n'est pas un doublon.",
      data: {
        duplicates: [
          {
            id: existing.id,
            name: 'Mme Anaïs Dupré',
            externalRef: existing.externalRef,
            reason: 'même adresse e-mail (anais.dupre@exemple.fr)',
          },
        ],
      },
    });
    expect(await db.tiers.count()).toBe(before);

    const sameAddress = await executeStaffAction(
      createTiersAction,
      staff,
      { ...dup, email: '', addressLine: '3 RUE  Pasteur', postalCode: '69003' },
      null,
    );
    expect(sameAddress).toMatchObject({
      ok: true,
      data: { duplicates: [{ id: existing.id, reason: 'même nom et même adresse' }] },
    });

    const confirmed = await executeStaffAction(createTiersAction, staff, { ...dup, confirmDuplicates: 'on' }, null);
    expect(confirmed).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    expect(await db.tiers.count()).toBe(before + 1);
  });

  it('refuses a référence externe already used, in French', async () => {
    const staff = await createStaffUser();
    await createTiers({ lastName: 'Roux' }).then((t) =>
      db.tiers.update({ where: { id: t.id }, data: { externalRef: 'LOC-901' } }),
    );
    expect(
      await executeStaffAction(
        createTiersAction,
        staff,
        { ...person, email: 'autre@exemple.fr', externalRef: 'LOC-901', confirmDuplicates: 'on' },
        null,
      ),
    ).toEqual({
      ok: false,
      error: 'La référence externe « LOC-901 » est déjà celle de Mme Claire Roux : choisissez-en une autre.',
    });
  });

  it('records tiers.email_changed with the old and new address when the e-mail changes', async () => {
    const staff = await createStaffUser();
    const t = await createTiers({ email: 'ancienne@exemple.fr' });
    const edit = {
      id: t.id,
      kind: 'LOCATAIRE',
      civility: 'Mme',
      lastName: t.lastName,
      firstName: 'Claire',
      email: 'Nouvelle@Exemple.fr',
      phone: t.phone,
      addressLine: t.addressLine,
      postalCode: t.postalCode,
      city: t.city,
      externalRef: t.externalRef,
    };
    expect(await executeStaffAction(updateTiersAction, staff, edit, null)).toMatchObject({ ok: true });
    const events = await db.auditEvent.findMany({
      where: { tiersId: t.id },
      orderBy: { id: 'asc' },
      select: { type: true, details: true },
    });
    expect(events).toEqual([
      { type: 'tiers.updated', details: { fields: ['email'] } },
      {
        type: 'tiers.email_changed',
        details: { old: 'ancienne@exemple.fr', new: 'nouvelle@exemple.fr', source: 'form' },
      },
    ]);
    // Saving again without change writes nothing.
    await executeStaffAction(updateTiersAction, staff, { ...edit, email: 'nouvelle@exemple.fr' }, null);
    expect(await db.auditEvent.count({ where: { tiersId: t.id } })).toBe(2);
  });

  it('archives and restores, and an unknown tiers is "introuvable"', async () => {
    const staff = await createStaffUser();
    const t = await createTiers();
    expect(await executeStaffAction(archiveTiersAction, staff, { id: t.id, archived: 'true' }, null)).toMatchObject({
      ok: true,
      message: `Mme Claire ${t.lastName} est archivé.`,
    });
    expect((await db.tiers.findUniqueOrThrow({ where: { id: t.id } })).archivedAt).not.toBeNull();
    await executeStaffAction(archiveTiersAction, staff, { id: t.id, archived: 'false' }, null);
    expect((await db.tiers.findUniqueOrThrow({ where: { id: t.id } })).archivedAt).toBeNull();
    expect(await executeStaffAction(archiveTiersAction, staff, { id: 'nope', archived: 'true' }, null)).toEqual({
      ok: false,
      error: MESSAGES.notFound,
    });
    expect(await executeStaffAction(updateTiersAction, staff, { ...person, id: 'nope' }, null)).toEqual({
      ok: false,
      error: MESSAGES.notFound,
    });
  });
});

describe('biens and baux', () => {
  it('creates a bien and a bail with co-tenants, then edits the bail', async () => {
    const staff = await createStaffUser();
    const owner = await createTiers({ kind: 'PROPRIETAIRE' });
    const [a, b] = [await createTiers(), await createTiers()];
    const property = await executeStaffAction(
      createPropertyAction,
      staff,
      {
        kind: 'STUDIO',
        addressLine: '2 rue Pasteur',
        postalCode: '69007',
        city: 'Lyon',
        unitLabel: 'Lot 3',
        surfaceM2: '21,5',
        ownerId: owner.id,
      },
      null,
    );
    expect(property).toMatchObject({ ok: true, message: 'Le bien a été créé.' });
    const propertyId = (property as { data: { id: string } }).data.id;
    expect(Number((await db.property.findUniqueOrThrow({ where: { id: propertyId } })).surfaceM2)).toBe(21.5);

    const lease = await executeStaffAction(
      createLeaseAction,
      staff,
      {
        propertyId,
        startDate: '2025-09-01',
        rentCents: '650',
        chargesCents: '45,50',
        depositCents: '650',
        primaryTenantId: a.id,
        coTenantIds: [b.id],
      },
      null,
    );
    expect(lease).toMatchObject({ ok: true, message: 'Le bail a été créé.' });
    const leaseId = (lease as { data: { id: string } }).data.id;
    expect(
      await db.leaseTenant.findMany({
        where: { leaseId },
        orderBy: { isPrimary: 'desc' },
        select: { tiersId: true, isPrimary: true },
      }),
    ).toEqual([
      { tiersId: a.id, isPrimary: true },
      { tiersId: b.id, isPrimary: false },
    ]);

    expect(
      await executeStaffAction(
        updateLeaseAction,
        staff,
        { id: leaseId, startDate: '01/09/2025', endDate: '31/08/2026', rentCents: '660', primaryTenantId: b.id },
        null,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await db.lease.findUniqueOrThrow({
        where: { id: leaseId },
        select: { rentCents: true, chargesCents: true, endDate: true },
      }),
    ).toEqual({ rentCents: 66000, chargesCents: 0, endDate: new Date(Date.UTC(2026, 7, 31)) });
    expect(await db.leaseTenant.findMany({ where: { leaseId }, select: { tiersId: true, isPrimary: true } })).toEqual([
      { tiersId: b.id, isPrimary: true },
    ]);
  });

  it('refuses an owner who is a tenant and a tenant who is an owner', async () => {
    const staff = await createStaffUser();
    const tenant = await createTiers();
    const owner = await createTiers({ kind: 'PROPRIETAIRE' });
    expect(
      await executeStaffAction(
        createPropertyAction,
        staff,
        { kind: 'MAISON', addressLine: '1 rue A', postalCode: '69001', city: 'Lyon', ownerId: tenant.id },
        null,
      ),
    ).toEqual({
      ok: false,
      error: 'Le propriétaire choisi est introuvable : choisissez un propriétaire dans la liste.',
    });
    const { property } = await createPropertyWithLease({ ownerId: owner.id });
    expect(
      await executeStaffAction(
        createLeaseAction,
        staff,
        { propertyId: property.id, startDate: '2025-01-01', rentCents: '500', primaryTenantId: owner.id },
        null,
      ),
    ).toEqual({
      ok: false,
      error: 'Un des locataires choisis est introuvable : choisissez les locataires dans la liste.',
    });
  });
});

describe('SUPPORT is read-only', () => {
  it('is refused on every mutating action definition, and nothing changes', async () => {
    const support = await createStaffUser({ role: 'SUPPORT' });
    const t = await createTiers();
    const { property, lease, ownerId } = await createPropertyWithLease();
    const before = await snapshotCounts();
    const attempts: [unknown, unknown][] = [
      [createTiersAction, person],
      [updateTiersAction, { ...person, id: t.id }],
      [archiveTiersAction, { id: t.id, archived: 'true' }],
      [createPropertyAction, { kind: 'MAISON', addressLine: '1 rue A', postalCode: '69001', city: 'Lyon', ownerId }],
      [
        updatePropertyAction,
        { id: property.id, kind: 'MAISON', addressLine: '1 rue A', postalCode: '69001', city: 'Lyon', ownerId },
      ],
      [
        createLeaseAction,
        { propertyId: property.id, startDate: '2025-01-01', rentCents: '500', primaryTenantId: t.id },
      ],
      [updateLeaseAction, { id: lease.id, startDate: '2025-01-01', rentCents: '500', primaryTenantId: t.id }],
      [
        uploadDocumentAction,
        { targetType: 'tiers', targetId: t.id, category: 'AUTRE', file: fileOf(PDF_BYTES, 'a.pdf') },
      ],
      [dryRunImportAction, { kind: 'tiers', file: csvFile('tiers', [tiersRow()]) }],
      [runImportAction, { kind: 'tiers', file: csvFile('tiers', [tiersRow()]) }],
    ];
    for (const [definition, input] of attempts) {
      expect(await executeStaffAction(definition as typeof createTiersAction, support, input, null)).toEqual({
        ok: false,
        error: MESSAGES.forbidden,
      });
    }
    expect(await snapshotCounts()).toEqual(before);
    expect((await db.tiers.findUniqueOrThrow({ where: { id: t.id } })).archivedAt).toBeNull();
  });
});

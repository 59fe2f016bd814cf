import { describe, expect, it } from 'vitest';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { templateCsv } from '@/server/import/columns';
import { getImportProgress } from '@/server/import/progress';
import { createStaffUser } from '../factories';
import { csvFile, snapshotCounts, tiersRow } from '../factories/tiers';
import { dryRunImportAction, runImportAction } from '@/server/import/actions';
import type { ImportReport } from '@/shared/import/report';

type DryRun = { ok: true; message: string; data: ImportReport };

describe('CSV import of tiers', () => {
  it('reports per line what a mixed file would do, exactly, and imports nothing while a line is refused', async () => {
    const staff = await createStaffUser();
    // An existing tiers: its reference makes line 3 an update.
    await executeStaffAction(
      runImportAction,
      staff,
      {
        kind: 'tiers',
        file: csvFile('tiers', [
          tiersRow({
            ref: 'MIX-2',
            lastName: 'Bernard',
            firstName: 'Paul',
            civility: 'M.',
            email: 'paul.bernard@exemple.fr',
          }),
        ]),
      },
      null,
    );
    const file = csvFile('tiers', [
      tiersRow({ ref: 'MIX-1', lastName: 'Dubois', firstName: 'Léa', email: 'lea.dubois@exemple.fr' }),
      tiersRow({ ref: 'MIX-2', lastName: 'Bernard', firstName: 'Paul', civility: 'M.', email: 'paul.b@exemple.fr' }),
      tiersRow({ ref: 'MIX-3', lastName: 'Petit', firstName: 'Zoé', email: 'zoe@', phone: '06 12', postalCode: '690' }),
      tiersRow({ ref: '', lastName: 'Sans', firstName: 'Référence', email: 'sans.ref@exemple.fr' }),
      tiersRow({ ref: 'MIX-1', lastName: 'Doublon', firstName: 'Ligne', email: 'doublon@exemple.fr' }),
      tiersRow({
        type: 'Propriétaire',
        ref: 'MIX-6',
        civility: '',
        lastName: '',
        firstName: '',
        company: 'SCI du Parc',
        email: 'sci.parc@exemple.fr',
      }),
      tiersRow({ type: 'Garant', ref: 'MIX-7', lastName: '', firstName: '', email: '' }),
    ]);
    const before = await snapshotCounts();
    const result = (await executeStaffAction(dryRunImportAction, staff, { kind: 'auto', file }, null)) as DryRun;
    expect(result.message).toBe(
      "Essai terminé : 2 créations, 1 mise à jour, 4 lignes refusées. Rien n'a encore été importé.",
    );
    expect(result.data).toEqual({
      kind: 'tiers',
      encoding: 'UTF-8',
      total: 7,
      created: 2,
      updated: 1,
      refused: 4,
      lines: [
        { line: 2, action: 'create', reference: 'MIX-1', label: 'Mme Léa Dubois', errors: [] },
        { line: 3, action: 'update', reference: 'MIX-2', label: 'M. Paul Bernard', errors: [] },
        {
          line: 4,
          action: 'refuse',
          reference: 'MIX-3',
          label: 'Mme Zoé Petit',
          errors: [
            {
              column: 'E-mail',
              message: 'Adresse e-mail invalide : vérifiez la saisie (exemple : prenom.nom@exemple.fr).',
            },
            {
              column: 'Téléphone',
              message:
                'Numéro de téléphone invalide : saisissez 10 chiffres (06 12 34 56 78) ou un numéro international (+33 6 12 34 56 78).',
            },
            { column: 'Code postal', message: 'Code postal invalide : saisissez 5 chiffres (exemple : 69003).' },
          ],
        },
        {
          line: 5,
          action: 'refuse',
          reference: null,
          label: 'Mme Référence Sans',
          errors: [
            {
              column: 'Référence',
              message: 'Saisissez la référence : elle permet de retrouver la ligne lors du prochain import.',
            },
          ],
        },
        {
          line: 6,
          action: 'refuse',
          reference: 'MIX-1',
          label: 'Mme Ligne Doublon',
          errors: [
            {
              column: 'Référence',
              message: 'Référence « MIX-1 » déjà présente ligne 2 du fichier : gardez une seule ligne par référence.',
            },
          ],
        },
        { line: 7, action: 'create', reference: 'MIX-6', label: 'SCI du Parc', errors: [] },
        {
          line: 8,
          action: 'refuse',
          reference: 'MIX-7',
          label: 'Mme',
          errors: [
            { column: 'Type', message: 'Type inconnu : choisissez Locataire ou Propriétaire.' },
            { column: 'Nom', message: 'Saisissez le nom de la personne ou la raison sociale de la société.' },
          ],
        },
      ],
    });
    expect(await snapshotCounts()).toEqual(before);

    const refused = await executeStaffAction(runImportAction, staff, { kind: 'auto', file }, null);
    expect(refused).toEqual({
      ok: false,
      error:
        "4 lignes sont refusées : rien n'a été importé. Relancez l'essai pour voir le détail, corrigez le fichier, puis réimportez-le.",
    });
    expect(await snapshotCounts()).toEqual(before);
    expect((await db.tiers.findUniqueOrThrow({ where: { externalRef: 'MIX-2' } })).email).toBe(
      'paul.bernard@exemple.fr',
    );
  });

  it('keeps the accents of a Windows-1252 file, and of UTF-8 with a BOM', async () => {
    const staff = await createStaffUser();
    const row = tiersRow({
      ref: 'W-1',
      civility: 'M.',
      lastName: 'Lefèbvre-Guérin',
      firstName: 'Noël',
      address: '12 rue de l’Église – bât. Œ',
      city: 'Saint-Étienne',
      postalCode: '42000',
      email: 'noel.lefebvre@exemple.fr',
    });
    const dry = (await executeStaffAction(
      dryRunImportAction,
      staff,
      { kind: 'auto', file: csvFile('tiers', [row], { encoding: 'windows-1252' }) },
      null,
    )) as DryRun;
    expect(dry.data).toMatchObject({
      encoding: 'Windows-1252',
      created: 1,
      lines: [{ label: 'M. Noël Lefèbvre-Guérin' }],
    });
    expect(
      await executeStaffAction(
        runImportAction,
        staff,
        { kind: 'tiers', file: csvFile('tiers', [row], { encoding: 'windows-1252' }) },
        null,
      ),
    ).toMatchObject({ ok: true, message: 'Import terminé : 1 tiers créé, 0 mis à jour.' });
    expect(
      await db.tiers.findUniqueOrThrow({
        where: { externalRef: 'W-1' },
        select: { lastName: true, firstName: true, addressLine: true, city: true, sortName: true },
      }),
    ).toEqual({
      lastName: 'Lefèbvre-Guérin',
      firstName: 'Noël',
      addressLine: '12 rue de l’Église – bât. Œ',
      city: 'Saint-Étienne',
      sortName: 'lefebvre-guerin noel',
    });
    const bom = (await executeStaffAction(
      dryRunImportAction,
      staff,
      { kind: 'auto', file: csvFile('tiers', [row], { encoding: 'utf-8-bom' }) },
      null,
    )) as DryRun;
    expect(bom.data).toMatchObject({
      kind: 'tiers',
      encoding: 'UTF-8',
      updated: 1,
      lines: [{ label: 'M. Noël Lefèbvre-Guérin' }],
    });
  });

  it('a re-import updates by référence instead of duplicating, journals it, and records e-mail changes', async () => {
    const staff = await createStaffUser();
    const rows = [
      tiersRow({ ref: 'RE-1', lastName: 'Moreau', email: 'moreau@exemple.fr' }),
      tiersRow({ ref: 'RE-2', lastName: 'Girard', email: 'girard@exemple.fr' }),
    ];
    expect(
      await executeStaffAction(runImportAction, staff, { kind: 'tiers', file: csvFile('tiers', rows) }, null),
    ).toMatchObject({ ok: true, data: { created: 2, updated: 0 } });
    const count = await db.tiers.count();
    const again = [
      tiersRow({ ref: 'RE-1', lastName: 'Moreau', email: 'c.moreau@exemple.fr', city: 'Bron', postalCode: '69500' }),
      rows[1],
    ];
    expect(
      await executeStaffAction(runImportAction, staff, { kind: 'tiers', file: csvFile('tiers', again) }, null),
    ).toMatchObject({ ok: true, message: 'Import terminé : 0 tiers créé, 2 mis à jour.' });
    expect(await db.tiers.count()).toBe(count);
    const moreau = await db.tiers.findUniqueOrThrow({ where: { externalRef: 'RE-1' } });
    expect(moreau).toMatchObject({ email: 'c.moreau@exemple.fr', city: 'Bron' });
    expect(
      await db.auditEvent.findMany({ where: { tiersId: moreau.id }, select: { type: true, details: true } }),
    ).toEqual([
      {
        type: 'tiers.email_changed',
        details: { old: 'moreau@exemple.fr', new: 'c.moreau@exemple.fr', source: 'import' },
      },
    ]);
    const imports = await db.auditEvent.findMany({
      where: { type: 'import.completed', actorStaffId: staff.id },
      orderBy: { id: 'asc' },
      select: { details: true },
    });
    expect(imports.map((e) => e.details)).toEqual([
      { kind: 'tiers', created: 2, updated: 0, lines: 2, encoding: 'UTF-8' },
      { kind: 'tiers', created: 0, updated: 2, lines: 2, encoding: 'UTF-8' },
    ]);
    // The e-mail events are written in one statement: same actor, and a createdAt on the same (UTC) clock.
    const emailEvent = await db.auditEvent.findFirstOrThrow({ where: { tiersId: moreau.id } });
    const completed = await db.auditEvent.findFirstOrThrow({
      where: { type: 'import.completed', actorStaffId: staff.id },
      orderBy: { id: 'desc' },
    });
    expect(emailEvent).toMatchObject({ actorType: 'STAFF', actorStaffId: staff.id });
    expect(Math.abs(emailEvent.createdAt.getTime() - completed.createdAt.getTime())).toBeLessThan(60_000);
  });

  it('tracks progress in a job that only its author can read, and refuses an unreadable file in French', async () => {
    const staff = await createStaffUser();
    const jobId = crypto.randomUUID();
    const rows = Array.from({ length: 30 }, (_, i) =>
      tiersRow({ ref: `JOB-${i}`, lastName: `Nom${i}`, email: `job${i}@exemple.fr` }),
    );
    await executeStaffAction(runImportAction, staff, { kind: 'tiers', file: csvFile('tiers', rows), jobId }, null);
    expect(
      await db.bulkJob.findUniqueOrThrow({
        where: { id: jobId },
        select: { status: true, total: true, done: true, result: true, type: true },
      }),
    ).toEqual({
      status: 'DONE',
      total: 30,
      done: 30,
      result: { created: 30, updated: 0 },
      type: 'import.tiers',
    });
    expect(await getImportProgress(jobId, staff.id)).toMatchObject({ status: 'DONE', done: 30, total: 30 });
    expect(await getImportProgress(jobId, (await createStaffUser()).id)).toBeNull();
    const empty = new File([new TextEncoder().encode('Nom;Prénom\r\nDupont;Jean\r\n')], 'x.csv');
    expect(await executeStaffAction(dryRunImportAction, staff, { kind: 'auto', file: empty }, null)).toEqual({
      ok: false,
      error:
        'Type de fichier non reconnu : choisissez le type (tiers, biens ou baux) ou vérifiez les noms des colonnes de la première ligne (voir le modèle).',
    });
    expect(await executeStaffAction(dryRunImportAction, staff, { kind: 'biens', file: empty }, null)).toMatchObject({
      ok: false,
      error: expect.stringContaining('Colonnes manquantes dans la première ligne : « Référence bien »'),
    });
  });
});

describe('CSV import of biens and baux', () => {
  it('links biens to owners and baux to biens and tenants by reference, with French dates and decimals', async () => {
    const staff = await createStaffUser();
    await executeStaffAction(
      runImportAction,
      staff,
      {
        kind: 'tiers',
        file: csvFile('tiers', [
          tiersRow({ type: 'Propriétaire', ref: 'P-1', lastName: 'Roux', email: 'roux@exemple.fr' }),
          tiersRow({ ref: 'L-1', lastName: 'Faure', email: 'faure@exemple.fr' }),
          tiersRow({ ref: 'L-2', lastName: 'Blanc', email: 'blanc@exemple.fr' }),
        ]),
      },
      null,
    );
    const biens = csvFile('biens', [
      ['B-1', 'P-1', 'Appartement', '5 cours Lafayette', '69003', 'Lyon', 'Lot 12, 3e étage', '1 045,5'],
      ['B-2', 'L-1', 'Maison', '1 rue A', '69003', 'Lyon', '', ''],
      ['B-3', 'P-404', 'Château', '1 rue B', '69003', 'Lyon', '', ''],
    ]);
    const dry = (await executeStaffAction(dryRunImportAction, staff, { kind: 'auto', file: biens }, null)) as DryRun;
    expect(dry.data.kind).toBe('biens');
    expect(dry.data.lines.map((l) => [l.line, l.action, l.errors])).toEqual([
      [2, 'create', []],
      [
        3,
        'refuse',
        [
          {
            column: 'Référence propriétaire',
            message: "La référence « L-1 » est celle d'un locataire, pas d'un propriétaire : corrigez la référence.",
          },
        ],
      ],
      [
        4,
        'refuse',
        [
          {
            column: 'Type de bien',
            message:
              'Type de bien inconnu : choisissez Appartement, Maison, Studio, Local commercial, Parking ou Autre.',
          },
        ],
      ],
    ]);
    await executeStaffAction(
      runImportAction,
      staff,
      {
        kind: 'biens',
        file: csvFile('biens', [
          ['B-1', 'P-1', 'appartement', '5 cours Lafayette', '69003', 'Lyon', 'Lot 12', '1 045,5'],
        ]),
      },
      null,
    );
    const property = await db.property.findUniqueOrThrow({
      where: { externalRef: 'B-1' },
      select: { id: true, kind: true, surfaceM2: true, owner: { select: { externalRef: true } } },
    });
    expect({ ...property, surfaceM2: Number(property.surfaceM2) }).toMatchObject({
      kind: 'APPARTEMENT',
      surfaceM2: 1045.5,
      owner: { externalRef: 'P-1' },
    });

    const baux = (rows: string[][]) => csvFile('baux', rows);
    const ok = await executeStaffAction(
      runImportAction,
      staff,
      { kind: 'auto', file: baux([['BA-1', 'B-1', 'L-1, L-2', '01/09/2024', '', '1 234,56', '80', '1 234,56']]) },
      null,
    );
    expect(ok).toMatchObject({ ok: true, message: 'Import terminé : 1 bail créé, 0 mis à jour.' });
    const lease = await db.lease.findUniqueOrThrow({
      where: { externalRef: 'BA-1' },
      select: { id: true, rentCents: true, chargesCents: true, depositCents: true, startDate: true, endDate: true },
    });
    expect(lease).toMatchObject({
      rentCents: 123456,
      chargesCents: 8000,
      depositCents: 123456,
      startDate: new Date(Date.UTC(2024, 8, 1)),
      endDate: null,
    });
    const tenants = () =>
      db.leaseTenant.findMany({
        where: { leaseId: lease.id },
        orderBy: { isPrimary: 'desc' },
        select: { isPrimary: true, tiers: { select: { externalRef: true } } },
      });
    expect(await tenants()).toEqual([
      { isPrimary: true, tiers: { externalRef: 'L-1' } },
      { isPrimary: false, tiers: { externalRef: 'L-2' } },
    ]);

    // Re-import: the co-tenant left and the lease ended.
    await executeStaffAction(
      runImportAction,
      staff,
      { kind: 'baux', file: baux([['BA-1', 'B-1', 'L-1', '01/09/2024', '31/08/2025', '1 234,56', '80', '1 234,56']]) },
      null,
    );
    expect(await db.lease.count({ where: { externalRef: 'BA-1' } })).toBe(1);
    expect(await tenants()).toEqual([{ isPrimary: true, tiers: { externalRef: 'L-1' } }]);

    const bad = (await executeStaffAction(
      dryRunImportAction,
      staff,
      { kind: 'baux', file: baux([['BA-2', 'B-9', 'L-9', '31/02/2024', '01/01/2020', 'mille', '', '']]) },
      null,
    )) as DryRun;
    expect(bad.data.lines[0].errors).toEqual([
      {
        column: 'Date de début',
        message: 'Date de début : date invalide, utilisez le format JJ/MM/AAAA (exemple : 05/03/2024).',
      },
      { column: 'Loyer', message: 'Loyer : montant invalide, saisissez un nombre en euros (exemple : 1 234,56).' },
    ]);
    const unknownRefs = (await executeStaffAction(
      dryRunImportAction,
      staff,
      { kind: 'baux', file: baux([['BA-3', 'B-9', 'L-9, P-1', '01/01/2024', '', '500', '', '']]) },
      null,
    )) as DryRun;
    expect(unknownRefs.data.lines[0].errors).toEqual([
      {
        column: 'Référence bien',
        message: "Aucun bien de référence « B-9 » : importez d'abord le fichier des biens, ou corrigez la référence.",
      },
      {
        column: 'Références locataires',
        message:
          "Aucun locataire de référence « L-9 » : importez d'abord le fichier des tiers, ou corrigez la référence.",
      },
      {
        column: 'Références locataires',
        message: "La référence « P-1 » est celle d'un propriétaire, pas d'un locataire : corrigez la référence.",
      },
    ]);
  });

  it('offers a template per kind whose header row is recognised', async () => {
    const staff = await createStaffUser();
    for (const kind of ['tiers', 'biens', 'baux'] as const) {
      const file = new File(
        [templateCsv(kind) + (kind === 'tiers' ? 'Locataire;T-1;;Durand;;;;;;;\r\n' : '')],
        `modele-${kind}.csv`,
      );
      const result = await executeStaffAction(dryRunImportAction, staff, { kind: 'auto', file }, null);
      if (kind === 'tiers') expect(result).toMatchObject({ ok: true, data: { kind: 'tiers', created: 1 } });
      else
        expect(result).toEqual({
          ok: false,
          error: 'Le fichier ne contient aucune ligne après l’en-tête : ajoutez au moins une ligne.',
        });
    }
  });
});

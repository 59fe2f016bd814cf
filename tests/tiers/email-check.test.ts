// Addresses checked where they are typed (issue 15 item 2): the rules (src/shared/email/check-email.ts), the tiers
// form, the CSV import's dry run (a warning per line, one query per batch), and "Mes coordonnées".
import { describe, expect, it } from 'vitest';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { checkEmails } from '@/server/tiers/check-emails';
import { emailSyntaxError, suggestEmail } from '@/shared/email/check-email';
import { updateMyContact } from '@/server/extranet/update-contact';
import { createStaffUser, createTiers } from '../factories';
import { createExtranetAccount, GOOD_PASSWORD, signedInActor } from '../factories/extranet';
import { csvFile, tiersRow } from '../factories/tiers';
import { dryRunImportAction } from '@/server/import/actions';
import { createTiersAction } from '@/server/tiers/actions';
import type { ImportReport } from '@/shared/import/report';

describe('the rules', () => {
  it('suggests the common French domains for their usual typos, and nothing for a right address', () => {
    const typos: [string, string][] = [
      ['jean@ornage.fr', 'jean@orange.fr'],
      ['jean@wanado.fr', 'jean@wanadoo.fr'],
      ['jean@fre.fr', 'jean@free.fr'],
      ['jean@sfr.fe', 'jean@sfr.fr'],
      ['jean@laposte.ne', 'jean@laposte.net'],
      ['jean@gmial.com', 'jean@gmail.com'],
      ['jean@hotmial.fr', 'jean@hotmail.fr'],
      ['jean@yaho.fr', 'jean@yahoo.fr'],
      ['jean@outlok.fr', 'jean@outlook.fr'],
      ['jean@icloud.co', 'jean@icloud.com'],
      [' Jean@GMAIL.CON ', 'jean@gmail.com'],
    ];
    for (const [typed, meant] of typos) expect(suggestEmail(typed), typed).toBe(meant);
    for (const right of ['jean@orange.fr', 'jean@free.fr', 'jean@gmail.com', 'jean@agence-demo.fr', 'jean@exemple.fr'])
      expect(suggestEmail(right), right).toBeNull();
  });

  it('says what is wrong with the form of an address', () => {
    expect(emailSyntaxError('jean.dupont@orange.fr')).toBeNull();
    expect(emailSyntaxError('jean.dupont.orange.fr')).toMatch(/^Il manque le « @ »/);
    expect(emailSyntaxError('jean@dupont@orange.fr')).toMatch(/plusieurs « @ »/);
    expect(emailSyntaxError('jean@orange')).toBe(
      'Il manque la fin du domaine après « orange » (par exemple orange.fr).',
    );
    expect(emailSyntaxError('jean dupont@orange.fr')).toMatch(/espace/);
    expect(emailSyntaxError('@orange.fr')).toMatch(/avant le « @ »/);
    expect(emailSyntaxError('jean..dupont@orange.fr')).toMatch(/n’est pas valide/);
  });

  it('flags an address already on another active tiers, never the tiers itself, in one query for a batch', async () => {
    const owner = await createTiers({ email: 'partagee@exemple.fr' });
    const archived = await createTiers({ email: 'archivee@exemple.fr' });
    await db.tiers.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const [other, self, sameRef, archivedOne, typo] = await checkEmails(db, [
      { email: 'Partagee@exemple.fr' },
      { email: 'partagee@exemple.fr', tiersId: owner.id },
      { email: 'partagee@exemple.fr', externalRef: owner.externalRef },
      { email: 'archivee@exemple.fr' },
      { email: 'x@gmial.com' },
    ]);
    expect(other).toEqual([
      {
        kind: 'shared',
        message: `Adresse déjà utilisée par Mme Claire ${owner.lastName} (${owner.externalRef}) : vérifiez qu’elle est bien celle de cette personne.`,
        tiers: { id: owner.id, name: `Mme Claire ${owner.lastName}`, externalRef: owner.externalRef },
      },
    ]);
    expect(self).toEqual([]);
    expect(sameRef).toEqual([]);
    expect(archivedOne).toEqual([]);
    expect(typo).toEqual([
      { kind: 'suggestion', message: 'Vouliez-vous dire x@gmail.com ?', suggestion: 'x@gmail.com' },
    ]);
  });
});

describe('the tiers form', () => {
  it('asks "Vouliez-vous dire … ?" before saving a mistyped address; "Enregistrer quand même" saves it as typed', async () => {
    const staff = await createStaffUser();
    const person = {
      kind: 'LOCATAIRE',
      civility: 'M.',
      lastName: 'Typo',
      firstName: 'Marc',
      email: 'marc.typo@wanado.fr',
      externalRef: `TYPO-${Date.now()}`,
    };
    const asked = await executeStaffAction(createTiersAction, staff, person, null);
    expect(asked).toMatchObject({
      ok: true,
      message:
        "Vouliez-vous dire marc.typo@wanadoo.fr ? Corrigez l'adresse, ou cliquez sur « Enregistrer quand même » si elle est exacte.",
      data: { emailSuggestion: 'marc.typo@wanadoo.fr', duplicates: [] },
    });
    expect(await db.tiers.count({ where: { externalRef: person.externalRef } })).toBe(0);

    const saved = await executeStaffAction(createTiersAction, staff, { ...person, confirmDuplicates: 'on' }, null);
    expect(saved).toMatchObject({ ok: true, message: 'M. Marc Typo a été créé.' });
    expect((await db.tiers.findUniqueOrThrow({ where: { externalRef: person.externalRef } })).email).toBe(
      'marc.typo@wanado.fr',
    );
  });
});

describe('the CSV import', () => {
  it('reports a typo and an address of another tiers on their line, as warnings that refuse nothing', async () => {
    const staff = await createStaffUser();
    const owner = await createTiers({ email: 'deja.prise@exemple.fr' });
    const file = csvFile('tiers', [
      tiersRow({ ref: 'MAIL-1', lastName: 'Bon', firstName: 'Anne', email: 'anne.bon@orange.fr' }),
      tiersRow({ ref: 'MAIL-2', lastName: 'Faute', firstName: 'Luc', email: 'luc.faute@ornage.fr' }),
      tiersRow({ ref: 'MAIL-3', lastName: 'Partage', firstName: 'Eva', email: 'deja.prise@exemple.fr' }),
      // The tiers that holds the address, re-imported under its own reference: not "another" tiers.
      tiersRow({
        ref: owner.externalRef!,
        lastName: owner.lastName,
        firstName: 'Claire',
        email: 'deja.prise@exemple.fr',
      }),
    ]);
    const result = (await executeStaffAction(dryRunImportAction, staff, { kind: 'tiers', file }, null)) as {
      ok: true;
      data: ImportReport;
    };
    expect(result.data).toMatchObject({ created: 3, updated: 1, refused: 0, warned: 2 });
    const byLine = Object.fromEntries(result.data.lines.map((l) => [l.line, l]));
    expect(byLine[2].warnings).toBeUndefined();
    expect(byLine[3].warnings).toEqual([{ column: 'E-mail', message: 'Vouliez-vous dire luc.faute@orange.fr ?' }]);
    expect(byLine[4].warnings).toEqual([
      {
        column: 'E-mail',
        message: `Adresse déjà utilisée par Mme Claire ${owner.lastName} (${owner.externalRef}) : vérifiez qu’elle est bien celle de cette personne.`,
      },
    ]);
    expect(byLine[5].warnings).toBeUndefined();
  });

  it('warns about an address a hard bounce marked invalide, until the file brings another one', async () => {
    const staff = await createStaffUser();
    const bounced = await createTiers({ email: 'rejetee@exemple.fr' });
    await db.tiers.update({
      where: { id: bounced.id },
      data: { emailInvalidAddress: 'rejetee@exemple.fr', emailInvalidAt: new Date('2026-12-01T10:00:00Z') },
    });
    const file = (email: string) =>
      csvFile('tiers', [
        tiersRow({ ref: bounced.externalRef!, lastName: bounced.lastName, firstName: 'Claire', email }),
      ]);
    const again = (await executeStaffAction(
      dryRunImportAction,
      staff,
      { kind: 'tiers', file: file('rejetee@exemple.fr') },
      null,
    )) as {
      ok: true;
      data: ImportReport;
    };
    expect(again.data.lines[0].warnings).toEqual([
      {
        column: 'E-mail',
        message:
          'Un mail à cette adresse a été rejeté le 1 décembre 2026 (adresse inexistante) : demandez la bonne adresse à la personne.',
      },
    ]);
    const fixed = (await executeStaffAction(
      dryRunImportAction,
      staff,
      { kind: 'tiers', file: file('bonne@exemple.fr') },
      null,
    )) as {
      ok: true;
      data: ImportReport;
    };
    expect(fixed.data.lines[0].warnings).toBeUndefined();
  });
});

describe('Mes coordonnées', () => {
  it('tells the person about a likely typo, and staff (in the journal only) about an address of another tiers', async () => {
    const other = await createTiers({ email: 'commune@exemple.fr' });
    const { account, tiers } = await createExtranetAccount({ email: 'avant.check@exemple.fr' });
    const actor = await signedInActor(account.id);

    const typo = await updateMyContact(actor, { email: 'nouvelle@ornage.fr', phone: '', current: GOOD_PASSWORD }, null);
    expect(typo).toMatch(
      /Un lien de confirmation vient de partir à nouvelle@ornage\.fr .* Attention : vouliez-vous dire nouvelle@orange\.fr \? Si oui, corrigez l’adresse et enregistrez à nouveau\.$/,
    );

    const shared = await updateMyContact(
      actor,
      { email: 'commune@exemple.fr', phone: '', current: GOOD_PASSWORD },
      null,
    );
    // Nothing tells the person who else uses the address…
    expect(shared).not.toMatch(/déjà|Attention/);
    expect(shared).not.toContain(other.lastName);
    // …but the journal tells staff.
    const event = await db.auditEvent.findFirstOrThrow({
      where: { tiersId: tiers.id, type: 'extranet.email_change_requested' },
      orderBy: { id: 'desc' },
    });
    expect(event.details).toMatchObject({ sameAddressAsTiers: [other.id] });
  });
});

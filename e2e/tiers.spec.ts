import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signInStaff, STAFF } from './helpers';

// The first sign-in on a freshly started server loads every module and argon2: on this shared 2-CPU machine it can
// exceed the helper's 10 s wait, so one warm-up sign-in with a longer wait runs first.
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto('/gestion/connexion');
  await page.getByLabel('Adresse e-mail').fill(STAFF.SUPPORT.email);
  await page.getByLabel('Mot de passe').fill(STAFF.SUPPORT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: `Bonjour ${STAFF.SUPPORT.name}` })).toBeVisible({ timeout: 60_000 });
  await page.close();
});

test('a gestionnaire fills the template, runs the dry run, imports, and finds the people in Tiers', async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  await signInStaff(page, 'GESTIONNAIRE');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Tiers', exact: true })
    .click();
  await page.getByRole('link', { name: 'Importer un fichier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importer un fichier' })).toBeVisible();

  // The template, downloaded as a user would, then filled with a few lines (Excel keeps the BOM).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger le modèle (Tiers (locataires et propriétaires))' }).click(),
  ]);
  const template = readFileSync(await download.path(), 'utf8');
  expect(template).toBe(
    '\uFEFFType;Référence;Civilité;Nom;Prénom;Raison sociale;E-mail;Téléphone;Adresse;Code postal;Ville\r\n',
  );
  const file = testInfo.outputPath('tiers.csv');
  writeFileSync(
    file,
    template +
      [
        'Locataire;E2E-L1;Mme;Quéméner;Aurélie;;aurelie.quemener@exemple.fr;06 11 22 33 44;4 rue des Lilas;69003;Lyon',
        'Locataire;E2E-L2;M.;Ndiaye;Loïc;;loic.ndiaye@exemple.fr;+33 6 55 44 33 22;9 rue Pasteur;69007;Lyon',
        'Propriétaire;E2E-P1;;;;SCI Écureuil;contact@sci-ecureuil.fr;04 78 12 34 56;1 place Bellecour;69002;Lyon',
      ].join('\r\n') +
      '\r\n',
  );

  await page.getByLabel('Fichier CSV').setInputFiles(file);
  await page.getByRole('button', { name: "Lancer l'essai" }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: "Essai terminé : 3 créations, 0 mise à jour, 0 ligne refusée. Rien n'a encore été importé." }),
  ).toBeVisible();
  const report = page.getByRole('table', { name: "Résultat de l'essai, ligne par ligne" });
  await expect(report.getByRole('row')).toHaveCount(4);
  await expect(report.getByRole('row', { name: /E2E-L1/ })).toContainText('Création');
  await expect(report.getByRole('row', { name: /E2E-P1/ })).toContainText('SCI Écureuil');

  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Import terminé : 3 tiers créés, 0 mis à jour.' }),
  ).toBeVisible({ timeout: 30_000 });

  await page.goto('/gestion/tiers?q=E2E-');
  const list = page.getByRole('table', { name: 'Liste des tiers' });
  await expect(list.getByRole('row')).toHaveCount(4);
  await expect(list.getByRole('link', { name: 'Mme Aurélie Quéméner' })).toBeVisible();
  await expect(list.getByRole('link', { name: 'SCI Écureuil' })).toBeVisible();
  await list.getByRole('link', { name: 'M. Loïc Ndiaye' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'M. Loïc Ndiaye' })).toBeVisible();
  await expect(page.getByLabel('Téléphone')).toHaveValue('+33 6 55 44 33 22');
  await expect(page.getByRole('link', { name: 'Diagnostic de connexion' })).toHaveAttribute(
    'href',
    /\/gestion\/acces\/.+\/diagnostic$/,
  );
  expect(errors).toEqual([]);

  // The imported people are in Gestion des accès: find one by her reference and enrol her.
  await page.goto('/gestion/acces');
  await page.getByLabel('Type').selectOption({ label: 'Locataire' });
  await page
    .getByRole('searchbox')
    .or(page.getByLabel(/^Rechercher/))
    .first()
    .fill('E2E-L1');
  await page.getByRole('button', { name: 'Afficher' }).click();
  const person = page.locator('tbody tr').filter({ hasText: 'Quéméner' });
  await expect(person).toContainText('Non inscrit');
  await person.getByRole('checkbox', { name: 'Mme Aurélie Quéméner' }).check();
  await page
    .getByRole('region', { name: 'Actions sur la sélection' })
    .getByRole('button', { name: 'Inscrire', exact: true })
    .click();
  await expect(page.getByRole('status').filter({ hasText: '1 accès inscrit.' })).toBeVisible();
  await expect(person).toContainText('Inscrit – identifiants à envoyer');
});

test('a document whose name says PDF but whose content is not is refused with a French message', async ({
  page,
}, testInfo) => {
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto('/gestion/tiers?type=LOCATAIRE');
  await page.getByRole('table', { name: 'Liste des tiers' }).getByRole('link').first().click();
  const fake = testInfo.outputPath('quittance.pdf');
  writeFileSync(fake, 'GIF89a this is not a PDF');
  await page.getByLabel('Fichier', { exact: true }).setInputFiles(fake);
  await page.getByRole('button', { name: 'Ajouter le document' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: "Le fichier « quittance.pdf » n'est pas un vrai PDF" }),
  ).toBeVisible();

  const real = testInfo.outputPath('bail.pdf');
  writeFileSync(real, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  await page.getByLabel('Fichier', { exact: true }).setInputFiles(real);
  await page.getByLabel('Catégorie').selectOption({ label: 'Bail' });
  await page.getByRole('button', { name: 'Ajouter le document' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Le document « bail » est enregistré.' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'bail', exact: true }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toContain('%PDF-1.4');

  // Hidden from the extranet, then deleted after a confirmation.
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'bail', exact: true }) });
  await row.getByRole('button', { name: "Masquer sur l'extranet : bail" }).click();
  await expect(row.getByRole('status')).toHaveText("« bail » n'est plus visible sur l'extranet.");
  await expect(row).toContainText("Non visible sur l'extranet");
  await row.getByText('Supprimer…').click();
  await row.getByRole('button', { name: 'Confirmer la suppression : bail' }).click();
  await expect(page.getByRole('link', { name: 'bail', exact: true })).toHaveCount(0);
});

test('SUPPORT sees tiers read-only and cannot open the import page', async ({ page }) => {
  await signInStaff(page, 'SUPPORT');
  await page.goto('/gestion/tiers');
  await expect(page.getByRole('link', { name: 'Importer un fichier' })).toHaveCount(0);
  await page.getByRole('table', { name: 'Liste des tiers' }).getByRole('link').first().click();
  await expect(page.getByText('Lecture seule')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  const response = await page.goto('/gestion/tiers/import');
  expect(response?.status()).toBe(404);
});

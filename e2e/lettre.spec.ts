import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { signInStaff, warmUpSignIn } from './helpers';

test.beforeAll(warmUpSignIn);

// Issue 15, item 3: a person without e-mail gets "La lettre d'identifiants"; the credentials read from the PDF sign in.
test('a person without e-mail: the letter is printed once, and its credentials sign in', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto('/gestion/acces?type=locataire');
  const candidates = page
    .locator('tbody tr')
    .filter({ hasText: "Pas d'adresse e-mail" })
    .filter({ hasText: 'Non inscrit' });
  // Page by the link's address, so that nothing is read from a page that is still being replaced.
  for (let i = 0; i < 20 && !(await candidates.count()); i++)
    await page.goto((await page.getByRole('link', { name: 'Suivant' }).getAttribute('href'))!);
  const box = candidates.first().getByRole('checkbox');
  const id = (await box.getAttribute('value'))!;
  const name = (await box.getAttribute('aria-label'))!;
  const row = page.locator('tbody tr', { has: page.locator(`input[value="${id}"]`) });
  await row.getByRole('checkbox').check();
  const panel = page.getByRole('region', { name: 'Actions sur la sélection' });
  await panel.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 accès inscrit.' })).toBeVisible();
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^[a-z0-9-]+\.[a-z2-9]{4}$/);
  const login = (await row.getByRole('cell').nth(2).textContent())!.trim();
  await panel.getByRole('button', { name: "Générer la lettre d'identifiants" }).click();
  await expect(page.getByRole('status').filter({ hasText: /^1 lettre d'identifiants générée/ })).toBeVisible();

  // The centre d'envoi: the letter waits "À imprimer"; the loupe shows it with the secret masked.
  await page.goto(`/gestion/centre-envoi?statut=TO_PRINT`);
  const letterRow = page.getByRole('row').filter({ hasText: name });
  await expect(letterRow).toContainText('À imprimer');
  await letterRow.getByRole('button', { name: 'Aperçu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aperçu de la lettre' });
  await expect(dialog).toContainText('Mot de passe provisoire : ••••••••');
  await expect(dialog).toContainText(login);

  const downloaded = page.waitForEvent('download');
  const printRequest = page.waitForRequest(/\/gestion\/centre-envoi\/imprimer\?ids=/);
  await dialog.getByRole('button', { name: 'Imprimer' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^lettre-identifiants-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = execFileSync('pdftotext', ['-layout', (await download.path())!, '-'], { encoding: 'utf8' });
  expect(text).toContain(login);
  const password = /Mot de passe provisoire\s+(\S+)/.exec(text)![1];
  await expect(page.getByRole('status').filter({ hasText: 'Lettre imprimée' })).toBeVisible();
  await page.goto('/gestion/centre-envoi?statut=PRINTED');
  const printedRow = page.getByRole('row').filter({ hasText: name });
  await expect(printedRow).toContainText('Imprimé');
  await expect(printedRow.getByRole('button', { name: 'Imprimer' })).toHaveCount(0);

  // A second download, asked anyway, is refused with what to do.
  const again = await page.request.post((await printRequest).url());
  expect(again.status()).toBe(400);
  expect((await again.json()).error).toMatch(/déjà été imprimée.*générez de nouveaux identifiants/);

  // The person signs in with the letter's credentials, chooses a password, and is in their space.
  const person = await browser.newPage();
  await person.goto('/extranet/connexion');
  await person.getByLabel('Identifiant', { exact: true }).fill(login);
  await person.getByLabel('Mot de passe', { exact: true }).fill(password);
  await person.getByRole('button', { name: 'Se connecter' }).click();
  await expect(person).toHaveURL(/\/extranet\/nouveau-mot-de-passe$/, { timeout: 30_000 });
  await person.getByLabel('Nouveau mot de passe').fill('Hirondelle-Verger-Tambour-84');
  await person.getByLabel('Confirmer le mot de passe').fill('Hirondelle-Verger-Tambour-84');
  await person.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(person.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible({ timeout: 30_000 });
  await expect(person.getByText(login)).toBeVisible();
  await person.close();
});

import { expect, test } from '@playwright/test';
import { signInStaff, TENANT_SPACE_SECTIONS, warmUpSignIn } from './helpers';

test.beforeAll(warmUpSignIn);

// Issue 15, item 5: support staff see a tenant's extranet as the tenant does, read-only, journaled.
test('SUPPORT sees a tenant’s space read-only: nothing can be submitted, and the opening is journaled', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInStaff(page, 'SUPPORT');
  await page.goto('/gestion/acces?type=locataire');
  const link = page
    .locator('tbody tr')
    .first()
    .getByRole('link', { name: /Diagnostic de connexion/ });
  const name = (await link.textContent())!.replace('Diagnostic de connexion de ', '').trim();
  await link.click();
  await page.getByRole('button', { name: 'Voir son espace' }).click();

  await expect(page).toHaveURL(/\/gestion\/espace\/[^/]+$/);
  await expect(page.getByRole('region', { name: 'Consultation en lecture seule' })).toContainText(
    `Vous consultez l'espace de ${name} (lecture seule)`,
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  for (const heading of TENANT_SPACE_SECTIONS)
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();

  // No control of the page can be used.
  const main = page.locator('main');
  await expect(main.locator('button:enabled, input:enabled, textarea:enabled, select:enabled')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Se déconnecter partout' })).toBeDisabled();

  // Even a form forced open is refused by the server: a staff session is no extranet session.
  await page.evaluate(() =>
    document.querySelectorAll('fieldset[disabled]').forEach((f) => f.removeAttribute('disabled')),
  );
  const contact = page.locator('#contact');
  await contact.getByLabel('Objet').fill('Essai depuis la vue en lecture seule');
  await contact.getByLabel('Message').fill('Ce message ne doit jamais arriver.');
  await contact.getByRole('button', { name: 'Envoyer le message' }).click();
  await expect(contact.getByRole('alert')).toHaveText('Votre session a pris fin. Reconnectez-vous pour continuer.');
  const security = page.locator('#securite');
  await security.getByLabel('Mot de passe actuel').fill('nimporte-quoi');
  await security.getByLabel('Nouveau mot de passe').fill('Hirondelle-Verger-Tambour-84');
  await security.getByLabel('Confirmer le mot de passe').fill('Hirondelle-Verger-Tambour-84');
  await security.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(security.getByRole('alert')).toHaveText('Votre session a pris fin. Reconnectez-vous pour continuer.');

  // The extranet itself does not open with the staff session.
  await page.goto('/extranet');
  await expect(page).toHaveURL(/\/extranet\/connexion/);

  // Journaled; and the forced message never reached the agency.
  await page.goto('/gestion/journal');
  await expect(
    page.getByRole('row').filter({ hasText: 'Espace consulté par l’agence (lecture seule)' }).first(),
  ).toContainText(name);
  await page.goto('/gestion/assistance');
  await expect(page.getByText('Essai depuis la vue en lecture seule')).toHaveCount(0);
});

test('a view belongs to the staff member who opened it', async ({ page, browser }) => {
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto('/gestion/acces?type=proprietaire');
  await page
    .locator('tbody tr')
    .first()
    .getByRole('link', { name: /Diagnostic de connexion/ })
    .click();
  await page.getByRole('button', { name: 'Voir son espace' }).click();
  await expect(page).toHaveURL(/\/gestion\/espace\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Mes biens' })).toBeVisible();
  const url = page.url();

  const other = await browser.newPage();
  await signInStaff(other, 'ADMIN');
  const response = await other.goto(url);
  expect(response?.status()).toBe(404);
  await other.close();
});

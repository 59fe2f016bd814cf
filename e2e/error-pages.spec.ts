import { expect, test } from '@playwright/test';
import { signInStaff } from './helpers';

// Issue 13, item 2: French error pages with a way back, and a French 413 for a body over the limit.

test('an unknown address: a French 404 with a way back to each side', async ({ page }) => {
  const response = await page.goto('/gestion/cette-page-n-existe-pas');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mon espace (locataires et propriétaires)' })).toHaveAttribute(
    'href',
    '/extranet',
  );
  await page.getByRole('link', { name: 'Le back office (agence)' }).click();
  await expect(page).toHaveURL(/\/gestion/);
});

test('a record that does not exist, signed in: the 404 inside the back office, navigation kept', async ({ page }) => {
  await signInStaff(page, 'GESTIONNAIRE');
  const response = await page.goto('/gestion/tiers/inexistant');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await page.getByRole('link', { name: 'Retour au tableau de bord' }).click();
  await expect(page).toHaveURL(/\/gestion$/);
});

test('an import over the limit: 413 and a French sentence, from the server', async ({ request }) => {
  const response = await request.post('/gestion/tiers/import', {
    headers: { 'content-type': 'text/csv' },
    data: Buffer.alloc(11 * 1024 * 1024, 65),
    failOnStatusCode: false,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toMatch(/^Le fichier dépasse 10 Mo : il n’a pas été envoyé\./);
});

test('a file over the limit chosen in the import form: refused in French before sending', async ({ page }) => {
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto('/gestion/tiers/import');
  await page.getByLabel('Fichier CSV').setInputFiles({
    name: 'gros.csv',
    mimeType: 'text/csv',
    buffer: Buffer.alloc(11 * 1024 * 1024, 65),
  });
  await page.getByRole('button', { name: "Lancer l'essai" }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Le fichier dépasse 10 Mo' })).toBeVisible();
});

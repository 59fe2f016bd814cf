import { expect, test } from '@playwright/test';
import { signInStaff, STAFF } from './helpers';

test('a wrong password is refused with a clear French message', async ({ page }) => {
  await page.goto('/gestion/connexion');
  await page.getByLabel('Adresse e-mail').fill(STAFF.GESTIONNAIRE.email);
  await page.getByLabel('Mot de passe').fill('mauvais-mot-de-passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect' })).toBeVisible();
  await expect(page).toHaveURL(/\/gestion\/connexion/);
});

test('back-office pages send a signed-out visitor to the sign-in page', async ({ page }) => {
  await page.goto('/gestion/acces');
  await expect(page).toHaveURL(/\/gestion\/connexion/);
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
});

test('a gestionnaire signs in, walks the navigation, and signs out', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await signInStaff(page, 'GESTIONNAIRE');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByText('Communication').click();
  await nav.getByRole('link', { name: 'Gestion des accès' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gestion des accès' })).toBeVisible();
  await nav.getByRole('link', { name: "Centre d'envoi" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Centre d'envoi" })).toBeVisible();
  for (const name of ['Tiers', 'Biens', 'Journal', 'Assistance']) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Paramètres' })).toHaveCount(0);
  expect(errors).toEqual([]);

  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/gestion\/connexion/);
  await page.goto('/gestion');
  await expect(page).toHaveURL(/\/gestion\/connexion/);
});

test('only an admin sees and opens Paramètres; others get a 404', async ({ page }) => {
  await signInStaff(page, 'ADMIN');
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  // The sign-out must have landed before the next sign-in, or that one would find ADMIN still signed in.
  await expect(page).toHaveURL(/\/gestion\/connexion/);
  await signInStaff(page, 'SUPPORT');
  const response = await page.goto('/gestion/parametres');
  expect(response?.status()).toBe(404);
});

test('the keyboard reaches the skip link first and it moves focus to the content', async ({ page }) => {
  await signInStaff(page, 'SUPPORT');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#contenu')).toBeFocused();
});

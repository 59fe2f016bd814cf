import { expect, test } from '@playwright/test';
import { signInStaff } from './helpers';

// Issue 14, item 1: Gestion des accès searches as people type, the name as read in the list, and the URL follows.
test('typing "Cédric André" in Gestion des accès shows him without Enter, and the URL follows', async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const reference = `RECH-${stamp}`; // not "E2E-…": tiers.spec searches "E2E-" and counts its own three
  await signInStaff(page, 'GESTIONNAIRE');

  await page.goto('/gestion/tiers/nouveau');
  await page.getByLabel('Type').selectOption({ label: 'Propriétaire' });
  await page.getByLabel('Civilité').selectOption({ label: 'M.' });
  await page.getByLabel('Nom', { exact: true }).fill('André');
  await page.getByLabel('Prénom').fill('Cédric');
  await page.getByLabel('Référence externe').fill(reference);
  await page.getByLabel('Adresse e-mail').fill(`c.andre.${stamp}@exemple.fr`);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  // The demo agency may already have a Cédric André: then the form asks first.
  const anyway = page.getByRole('button', { name: 'Enregistrer quand même' });
  await expect(anyway.or(page.getByRole('heading', { level: 1, name: 'M. Cédric André' }))).toBeVisible({
    timeout: 60_000,
  });
  if (await anyway.isVisible()) await anyway.click();
  await expect(page.getByRole('heading', { level: 1, name: 'M. Cédric André' })).toBeVisible({ timeout: 60_000 });

  await page.goto('/gestion/acces');
  const search = page.getByRole('searchbox', { name: 'Rechercher' });
  await search.pressSequentially('Cédric André', { delay: 40 });
  await expect(page).toHaveURL(/[?&]q=C%C3%A9dric(\+|%20)Andr%C3%A9/, { timeout: 30_000 });
  await expect(page.getByRole('checkbox', { name: 'M. Cédric André' }).first()).toBeVisible({ timeout: 30_000 });
  await expect(search).toHaveValue('Cédric André');
  await expect(search).toBeFocused();

  // As read in the list, civility included; and the bookmarked address gives the same list.
  await search.fill('M. Cédric André');
  await expect(page).toHaveURL(/[?&]q=M\.(\+|%20)C%C3%A9dric/);
  await expect(page.getByRole('checkbox', { name: 'M. Cédric André' }).first()).toBeVisible();
  // A part of the name, in any case, and a piece of the e-mail address find him too.
  for (const typed of ['andre', 'CEDR', `${stamp}@exem`]) {
    await search.fill(typed);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(typed).replace(/%40/, '(@|%40)')}`));
    await expect(page.getByRole('checkbox', { name: 'M. Cédric André' }).first()).toBeVisible();
  }
  await page.goto(`/gestion/acces?q=${encodeURIComponent(reference.toLowerCase())}`);
  await expect(page.getByRole('checkbox', { name: 'M. Cédric André' })).toHaveCount(1);
});

// Issue 14, item 6: tenants and owners are picked by typing, with the keyboard (ARIA combobox), co-tenants as chips.
import { expect, test } from '@playwright/test';
import { signInStaff } from './helpers';

test('the bail form picks a tenant and co-tenants by keyboard; the bien form its owner', async ({ page }) => {
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  await page.goto('/gestion/connexion', { timeout: 120_000 });
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto('/gestion/biens');
  const bien = await page.getByRole('table').getByRole('link').first().getAttribute('href');
  await page.goto(`${bien}/baux/nouveau`);

  const primary = page.getByRole('combobox', { name: 'Locataire principal' });
  await primary.fill('LOC-0001');
  const list = page.getByRole('listbox', { name: 'Locataire principal' });
  await expect(list).toBeVisible();
  const first = await list.getByRole('option').first().textContent();
  expect(first).toContain('LOC-0001');
  await primary.press('ArrowDown');
  await expect(primary).toHaveAttribute('aria-activedescendant', /option-1$/);
  await primary.press('ArrowUp');
  await primary.press('Enter');
  await expect(list).toBeHidden();
  await expect(primary).toHaveValue(first!);
  await expect(page.locator('input[type=hidden][name=primaryTenantId]')).not.toHaveValue('');

  const co = page.getByRole('combobox', { name: 'Colocataires' });
  for (const ref of ['LOC-00020', 'LOC-00021']) {
    await co.fill(ref);
    await expect(page.getByRole('listbox', { name: 'Colocataires' }).getByRole('option').first()).toContainText(ref);
    await co.press('Enter');
  }
  const chips = page.getByRole('list', { name: 'Colocataires choisis' }).getByRole('listitem');
  await expect(chips).toHaveCount(2);
  await expect(page.locator('input[type=hidden][name=coTenantIds]')).toHaveCount(2);
  await chips
    .first()
    .getByRole('button', { name: /^Retirer / })
    .click();
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toContainText('LOC-00021');
  await co.fill('zzzz introuvable');
  await expect(page.getByRole('listbox', { name: 'Colocataires' })).toContainText('Aucun résultat');
  await co.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Colocataires' })).toBeHidden();

  await page.goto('/gestion/biens/nouveau');
  const owner = page.getByRole('combobox', { name: 'Propriétaire' });
  await owner.fill('PRO-00003');
  await owner.press('Enter');
  await expect(owner).toHaveValue(/PRO-00003/);
});

// Issue 14, item 8: a slowed-down or locked sign-in says how long to wait, counts it down, and offers a way forward.
import { expect, test } from '@playwright/test';

test('after three wrong tries: a live countdown, « Mot de passe oublié ? » and the agency’s phone', async ({
  page,
}) => {
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  await page.goto('/extranet/connexion', { timeout: 120_000 });
  const login = `inconnu.${Date.now().toString(36)}`;
  for (let i = 0; i < 3; i++) {
    await page.getByLabel('Identifiant', { exact: true }).fill(login);
    await page.getByLabel('Mot de passe', { exact: true }).fill(`mauvais-${i}`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // The answer resets the form: wait for it, so the next try is not typed into a form about to be emptied.
    await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveValue('', { timeout: 30_000 });
    await expect(page.locator('#login-error')).toContainText('Identifiant ou mot de passe incorrect', {
      timeout: 30_000,
    });
  }
  await expect(page.locator('#login-error')).toContainText('Trop de tentatives');
  const wait = page.getByText(/Vous pourrez réessayer dans \d+:\d{2}\./);
  await expect(wait).toBeVisible();
  const first = await wait.textContent();
  await expect.poll(() => wait.textContent(), { timeout: 5_000 }).not.toBe(first);
  await expect(page.getByRole('link', { name: 'Choisissez-en un nouveau' })).toHaveAttribute(
    'href',
    '/extranet/mot-de-passe-oublie',
  );
  await expect(page.getByRole('link', { name: '04 78 00 00 00' })).toHaveAttribute('href', 'tel:0478000000');
});

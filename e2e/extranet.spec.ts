import { expect, test } from '@playwright/test';
import { signInStaff } from './helpers';

const LOGIN_FAILED = 'Identifiant ou mot de passe incorrect';

test.describe('extranet sign-in page', () => {
  test('has its fields, link and one message for a wrong identifiant', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} ${m.location().url}`));
    await page.goto('/extranet/connexion');
    await expect(page.getByLabel('Identifiant', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Mot de passe', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Mot de passe oublié ?' })).toBeVisible();
    await page.getByLabel('Identifiant', { exact: true }).fill('personne.k7m2');
    await page.getByLabel('Mot de passe', { exact: true }).fill('mauvais-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // One argon2id verification (against the dummy hash): give a loaded CI machine time.
    await expect(page.getByRole('alert').filter({ hasText: LOGIN_FAILED })).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(/\/extranet\/connexion/);
    // The identifiant typed is kept, the password is not.
    await expect(page.getByLabel('Identifiant', { exact: true })).toHaveValue('personne.k7m2');
    expect(errors.filter((e) => !e.includes('/favicon.ico'))).toEqual([]);
  });

  test('warns when caps lock is on, and shows or hides the password', async ({ page }) => {
    await page.goto('/extranet/connexion');
    const password = page.getByLabel('Mot de passe', { exact: true });
    await password.click();
    // Headless Chromium does not toggle the caps-lock state on a key press: send the event a keyboard with caps lock
    // on would send; the page reads it with getModifierState like any real one.
    await password.dispatchEvent('keydown', { key: 'A', code: 'KeyA', modifierCapsLock: true });
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'Attention : la touche Verrouillage majuscules (Verr. Maj) est activée.' }),
    ).toBeVisible();
    await password.dispatchEvent('keyup', { key: 'b', code: 'KeyB', modifierCapsLock: false });
    await expect(page.getByText(/Verr\. Maj/)).toHaveCount(0);

    await expect(password).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: 'Afficher le mot de passe' }).click();
    await expect(password).toHaveAttribute('type', 'text');
    await page.getByRole('button', { name: 'Masquer le mot de passe' }).click();
    await expect(password).toHaveAttribute('type', 'password');
  });

  test('fits a 360 px wide phone without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/extranet/connexion', '/extranet/mot-de-passe-oublie']) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto('/extranet/connexion');
    const button = await page.getByRole('button', { name: 'Se connecter' }).boundingBox();
    expect(button!.x).toBeGreaterThanOrEqual(0);
    expect(button!.x + button!.width).toBeLessThanOrEqual(360);
    const toggle = await page.getByRole('button', { name: 'Afficher le mot de passe' }).boundingBox();
    expect(toggle!.x + toggle!.width).toBeLessThanOrEqual(360);
  });
});

test('"Mot de passe oublié ?" gives the same answer for any entry', async ({ page }) => {
  await page.goto('/extranet/connexion');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié ?' })).toBeVisible();
  const answers: string[] = [];
  for (const entry of ['personne.k7m2', 'inconnu@exemple.fr']) {
    await page.goto('/extranet/mot-de-passe-oublie');
    await page.getByLabel('Identifiant ou adresse e-mail').fill(entry);
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Si un espace correspond' });
    await expect(status).toBeVisible();
    answers.push((await status.textContent()) ?? '');
  }
  expect(answers[0]).toBe(answers[1]);
});

test('a link that is unknown or spent says so and offers a new one', async ({ page }) => {
  await page.goto('/extranet/nouveau-mot-de-passe?jeton=inconnu');
  await expect(page.getByRole('alert').filter({ hasText: "Ce lien n'est plus valable" })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mot de passe oublié ?' })).toBeVisible();
});

test('extranet pages are for extranet accounts only: signed out or staff → the extranet sign-in page', async ({
  page,
}) => {
  for (const path of ['/extranet', '/extranet/nouveau-mot-de-passe', '/extranet/baux/x']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/extranet\/connexion$/);
  }
  expect((await page.request.get('/extranet/documents/x')).status()).toBe(404);
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto('/extranet');
  await expect(page).toHaveURL(/\/extranet\/connexion$/);
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
});

// The whole path from a credential mail read at the SMTP peer to Mon espace is e2e/parcours.spec.ts.

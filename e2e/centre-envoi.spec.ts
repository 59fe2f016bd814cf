import { expect, test, type Page } from '@playwright/test';
import { signInStaff } from './helpers';

async function openCentreEnvoi(page: Page) {
  await page.goto('/gestion/centre-envoi');
  await expect(page.getByRole('heading', { level: 1, name: "Centre d'envoi" })).toBeVisible();
}

test('the centre d’envoi lists mails with filters kept in the URL', async ({ page }) => {
  await signInStaff(page, 'GESTIONNAIRE');
  await openCentreEnvoi(page);
  await page.getByLabel('Statut').selectOption({ label: 'Échec' });
  await page.getByLabel('Type').selectOption({ label: "Lien d'activation" });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/statut=FAILED/);
  await expect(page).toHaveURL(/type=ACTIVATION_LINK/);
  await expect(page.getByLabel('Statut')).toHaveValue('FAILED');
  await expect(page.getByText('Aucun mail ne correspond à ces filtres')).toBeVisible();
});

test('Paramètres des mails: live preview, an unknown variable refused in French, and the SMTP connection test', async ({
  page,
}) => {
  await signInStaff(page, 'ADMIN');
  await page.goto('/gestion/parametres/mails');
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres des mails' })).toBeVisible();

  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Connexion réussie au serveur de messagerie smtp:\/\/127\.0\.0\.1:\d+/ }),
  ).toBeVisible();

  const subject = page.getByLabel('Objet');
  await subject.fill('Bienvenue {{prenom}} chez {{agence}}');
  await expect(page.getByTestId('apercu-objet')).toHaveText('Bienvenue Claire chez Agence Démo Immobilier');
  await expect(page.frameLocator('iframe[title="Aperçu du modèle"]').getByText('martin.k7m2')).toBeVisible();

  await subject.fill('Vos accès {{motdepasse}}');
  const error = page.getByRole('alert').filter({ hasText: "La variable {{motdepasse}} n'existe pas" });
  await expect(error).toBeVisible();
  await expect(subject).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Enregistrer le modèle' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Certains champs sont invalides' })).toBeVisible();

  await subject.fill('Vos accès à l’espace de {{agence}}');
  await page.getByRole('button', { name: 'Enregistrer le modèle' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Modèle enregistré' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Objet')).toHaveValue('Vos accès à l’espace de {{agence}}');
});

test('SUPPORT reads the centre d’envoi but gets no sending controls', async ({ page }) => {
  await signInStaff(page, 'SUPPORT');
  await openCentreEnvoi(page);
  await expect(page.getByRole('button', { name: 'Envoyer la sélection' })).toHaveCount(0);
  expect((await page.goto('/gestion/parametres/mails'))?.status()).toBe(404);
});

// Loupe on a real credential mail, Envoyer, and the SMTP peer receiving it: e2e/parcours.spec.ts.

import { expect, test, type Page } from '@playwright/test';
import { receivedMails, signInStaff } from './helpers';

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

test('Paramètres des mails: live preview, an unknown variable refused in French, and the SMTP connection test', async ({ page }) => {
  await signInStaff(page, 'ADMIN');
  await page.goto('/gestion/parametres/mails');
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres des mails' })).toBeVisible();

  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Connexion réussie au serveur de messagerie smtp:\/\/127\.0\.0\.1:\d+/ })).toBeVisible();

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

test('a credential mail: loupe shows the identifiant and a masked password, "Envoyer" delivers it to the SMTP peer', async ({ page }) => {
  await signInStaff(page, 'GESTIONNAIRE');
  // The mail is generated through Gestion des accès (another issue). Until that page is merged, this is pending.
  await page.goto('/gestion/acces');
  const accessPageReady = await page.getByRole('button', { name: 'Afficher' }).isVisible();
  test.fixme(!accessPageReady, 'Needs the Gestion des accès page (Inscrire + envelope) to create a credential mail; the lead wires it after merging.');

  await page.getByLabel('Type').selectOption({ label: 'Locataire' });
  await page.getByRole('button', { name: 'Afficher' }).click();
  const firstRow = page.getByRole('row').nth(1);
  const checkbox = firstRow.getByRole('checkbox');
  await checkbox.check();
  await page.getByRole('button', { name: 'Inscrire' }).click();
  await checkbox.check();
  await page.getByRole('button', { name: "Générer le mail d'identifiants" }).click();
  const login = (await firstRow.getByRole('cell').nth(2).innerText()).trim();

  await openCentreEnvoi(page);
  await page.getByLabel('Statut').selectOption({ label: 'À vérifier' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Identifiants' }).first();
  await row.getByRole('button', { name: 'Aperçu' }).click();

  const dialog = page.getByRole('dialog', { name: 'Aperçu du mail' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(login, { exact: false }).first()).toBeVisible();
  await expect(dialog.getByText(/•••••••• – généré le .+, expire le .+/).first()).toBeVisible();
  await expect(dialog.frameLocator('iframe[title="Contenu HTML du mail"]').getByText(login)).toBeVisible();
  const before = (await receivedMails()).length;
  await dialog.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 mail envoyé' })).toBeVisible();
  await expect.poll(async () => (await receivedMails()).length, { timeout: 15_000 }).toBe(before + 1);
  const raw = (await receivedMails()).at(-1)!;
  expect(raw).toContain(login);
  expect(raw).not.toContain('••••••••');
});

import { expect, test, type Page } from '@playwright/test';
import { signInStaff, warmUpSignIn } from './helpers';

/** Step 2 of the help article: Communication → Gestion des accès, filter by type, Afficher. */
async function openAndFilter(page: Page, type: 'Locataire' | 'Propriétaire') {
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByText('Communication').click();
  await nav.getByRole('link', { name: 'Gestion des accès' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gestion des accès' })).toBeVisible();
  await page.getByLabel('Type').selectOption({ label: type });
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(new RegExp(`type=${type === 'Locataire' ? 'locataire' : 'proprietaire'}`));
}

/** The first listed person who has an e-mail address, as a row locator and their name. */
async function pickPerson(page: Page, skip = 0) {
  const rows = page.locator('tbody tr').filter({ hasNot: page.getByText("Pas d'adresse e-mail") });
  const row = rows.nth(skip);
  const checkbox = row.getByRole('checkbox');
  const id = await checkbox.getAttribute('value');
  const name = (await checkbox.getAttribute('aria-label'))!;
  return { row: page.locator('tbody tr', { has: page.locator(`input[value="${id}"]`) }), name, id };
}

async function act(page: Page, button: string, expected: string | RegExp) {
  await page
    .getByRole('region', { name: 'Actions sur la sélection' })
    .getByRole('button', { name: button, exact: true })
    .click();
  await expect(page.getByRole('status').filter({ hasText: expected })).toBeVisible();
}

test.beforeAll(warmUpSignIn);

for (const type of ['Locataire', 'Propriétaire'] as const) {
  test(`a gestionnaire follows steps 2–4 of the help article for a ${type.toLowerCase()}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // The app declares no favicon yet (root layout, not this issue): the browser's own request for it would 404.
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    await signInStaff(page, 'GESTIONNAIRE');
    await openAndFilter(page, type);
    const { row, name } = await pickPerson(page, type === 'Locataire' ? 0 : 1);
    await expect(row.getByRole('cell').nth(3)).toHaveText(type);
    await expect(row).toContainText('Non inscrit');

    // The situation of the article: the person already had credentials.
    await row.getByRole('checkbox', { name, exact: true }).check();
    await act(page, 'Inscrire', '1 accès inscrit.');
    await expect(row).toContainText('Inscrit – identifiants à envoyer');
    const login = (await row.getByRole('cell').nth(2).textContent())!.trim();
    expect(login).toMatch(/^[a-z0-9-]{1,12}\.[a-z2-9]{4}$/);

    // Step 3: select the user and click Désinscrire, on the right; confirm.
    await page
      .getByRole('region', { name: 'Actions sur la sélection' })
      .getByRole('button', { name: 'Désinscrire' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Désinscrire 1 accès ?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Confirmer la désinscription' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 accès désinscrit.' })).toBeVisible();
    await expect(row).toContainText('Désinscrit');

    // Step 4: Inscrire again (same identifiant), then the blue envelope.
    await act(page, 'Inscrire', '1 accès inscrit.');
    await expect(row.getByRole('cell').nth(2)).toHaveText(login);
    await act(page, 'Générer les identifiants', /^1 mail d'identifiants généré/);
    await expect(row.getByRole('cell').nth(6)).toContainText('À vérifier');
    await expect(row).toContainText('Inscrit – identifiants à envoyer');

    // A second envelope replaces the unsent mail (still one "À vérifier" as the latest).
    await act(page, 'Générer les identifiants', /1 mail précédent non envoyé est remplacé/);

    // The mails are in the centre d'envoi: the latest "À vérifier", the first one "Remplacé".
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: "Centre d'envoi" })
      .click();
    const mails = page.getByRole('row').filter({ hasText: name });
    await expect(mails.filter({ hasText: 'À vérifier' })).toHaveCount(1);
    await expect(mails.filter({ hasText: 'Remplacé' })).toHaveCount(1);
    await page.goBack();

    // The diagnostic page of the person shows the identifiant.
    await row.getByRole('link', { name: /Diagnostic de connexion/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Diagnostic de connexion – ${name}` })).toBeVisible();
    await expect(page.getByText(login)).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('the envelope on someone without e-mail explains it and links to the tiers form', async ({ page }) => {
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto('/gestion/acces?type=locataire');
  const emailless = page.locator('tbody tr').filter({ hasText: "Pas d'adresse e-mail" });
  // Page by the link's address, so that nothing is read from a page that is still being replaced.
  for (let i = 0; i < 20 && !(await emailless.count()); i++) {
    await page.goto((await page.getByRole('link', { name: 'Suivant' }).getAttribute('href'))!);
  }
  const id = await emailless.first().getByRole('checkbox').getAttribute('value');
  const checkbox = page.locator(`tbody tr input[value="${id}"]`);
  await checkbox.check();
  await act(page, 'Inscrire', '1 accès inscrit.');
  // The envelope cannot apply: it says why (its description) and links to the tiers form; a click repeats the reason.
  const envelope = page.getByRole('button', { name: 'Générer les identifiants' });
  await expect(envelope).toHaveAttribute('aria-disabled', 'true');
  await expect(envelope).toHaveAccessibleDescription(/sans adresse e-mail .* ajoutez l'adresse dans la fiche tiers/);
  // Playwright does not click an aria-disabled button; a keyboard user can press it, and hears the reason.
  await envelope.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'sans adresse e-mail' });
  await expect(alert.getByRole('link')).toHaveAttribute('href', `/gestion/tiers/${id}`);
  await expect(envelope).toBeFocused();
});

test('the envelope for a whole page runs as a job with a progress bar that can be found again', async ({ page }) => {
  test.setTimeout(240_000);
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto('/gestion/acces?type=proprietaire');
  const panel = page.getByRole('region', { name: 'Actions sur la sélection' });
  await page.getByLabel('Tout sélectionner sur cette page').check();
  await panel.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /accès inscrits/ })).toBeVisible();
  // Nobody without an e-mail address: the envelope would refuse the whole selection.
  for (const box of await page
    .locator('tbody tr')
    .filter({ hasText: "Pas d'adresse e-mail" })
    .getByRole('checkbox')
    .all())
    await box.uncheck();
  const count = await page.locator('tbody input[type=checkbox]:checked').count();
  expect(count).toBeGreaterThan(5);
  await panel.getByRole('button', { name: 'Générer les identifiants' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Génération des identifiants lancée pour ${count} personnes` }),
  ).toBeVisible();
  await expect(page.getByText(`Génération des identifiants : `)).toBeVisible();

  // Leave and come back: the job is still shown, and ends with its summary.
  await page.goto('/gestion');
  await page.goto('/gestion/acces?type=proprietaire');
  await expect(
    page.getByRole('progressbar').or(page.getByRole('status').filter({ hasText: "mails d'identifiants générés" })),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `${count} mails d'identifiants générés` })).toBeVisible({
    timeout: 180_000,
  });
  // A finished job leaves its summary and a link to the centre d'envoi, not its bar.
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(panel.getByRole('link', { name: "Voir dans le centre d'envoi" })).toBeVisible();
  await expect(page.locator('tbody tr').filter({ hasText: 'À vérifier' })).toHaveCount(count);
});

test('filters live in the URL and the list pages with Suivant / Précédent', async ({ page }) => {
  await signInStaff(page, 'SUPPORT');
  await page.goto('/gestion/acces?type=locataire');
  const firstName = await page.locator('tbody tr').first().locator('td').first().locator('span').first().textContent();
  await page.getByRole('link', { name: 'Suivant' }).click();
  await expect(page).toHaveURL(/apres=/);
  await expect(page.locator('tbody tr').first()).not.toContainText(firstName!);
  await page.getByRole('link', { name: 'Précédent' }).click();
  await expect(page.locator('tbody tr').first()).toContainText(firstName!);
  await page.getByLabel('Rechercher').fill('martin');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/q=martin/);
  await expect(page.locator('tbody tr').first()).toContainText('Martin');
  for (const cell of await page.locator('tbody tr td:first-child span.font-medium').allTextContents())
    expect(cell).toMatch(/Martin/);
  await page.goBack();
  await expect(page).not.toHaveURL(/q=martin/);
  await page.getByRole('link', { name: 'Dernière connexion' }).click();
  await expect(page).toHaveURL(/tri=connexion/);
  await expect(page.getByRole('columnheader', { name: 'Dernière connexion' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
});

test('SUPPORT sees the list read-only: no selection, no action buttons', async ({ page }) => {
  await signInStaff(page, 'SUPPORT');
  await page.goto('/gestion/acces');
  await expect(page.getByRole('heading', { level: 1, name: 'Gestion des accès' })).toBeVisible();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  for (const name of ['Désinscrire', 'Inscrire', 'Générer les identifiants'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  expect((await page.goto('/gestion/acces/progression?job=x'))?.status()).toBe(404);
});

test('ADMIN switches the delivery mode in Paramètres', async ({ page }) => {
  await signInStaff(page, 'ADMIN');
  await page.goto('/gestion/parametres');
  await expect(page.getByRole('link', { name: 'Modèles de mails et envoi' })).toHaveAttribute(
    'href',
    '/gestion/parametres/mails',
  );
  // Paramètres has more than one form (the automatic reminder has its own « Enregistrer »): this one is the mode's.
  const form = page.locator('form').filter({ hasText: "Mode d'envoi des" });
  await page.getByLabel('Durée de validité du mot de passe provisoire (jours)').fill('120');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Indiquez un nombre de jours entre 1 et 90.')).toBeVisible();
  await page.getByLabel("Lien d'activation").check();
  await page.getByLabel('Durée de validité du mot de passe provisoire (jours)').fill('10');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('status')).toHaveText('Paramètres enregistrés.');
  await page.reload();
  await expect(page.getByLabel("Lien d'activation")).toBeChecked();
  await page.getByLabel('Mot de passe provisoire', { exact: true }).check();
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('status')).toHaveText('Paramètres enregistrés.');
});

import { expect, test } from '@playwright/test';
import { signInStaff, warmUpSignIn } from './helpers';

test.beforeAll(warmUpSignIn);

// Issue 15, item 4: the funnel counts a person whose credentials were sent and who never signed in; "Relancer"
// prepares their reminder in the centre d'envoi.
test('a never-activated person is counted and reminded with « Relancer »', async ({ page }) => {
  test.setTimeout(120_000);
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto('/gestion/acces?type=proprietaire');
  const funnel = page.getByRole('region', { name: 'Activation des accès' });
  const neverActivated = async () =>
    Number(
      (await funnel.getByText('Jamais activés').locator('xpath=following-sibling::dd[1]').textContent())!.replace(
        /\D/g,
        '',
      ),
    );
  const before = await neverActivated();

  const candidates = page
    .locator('tbody tr')
    .filter({ hasText: 'Non inscrit' })
    .filter({ hasNot: page.getByText("Pas d'adresse e-mail") });
  // Earlier tests may have enrolled a whole page: page by the link's address until someone is left.
  for (let i = 0; i < 20 && !(await candidates.count()); i++)
    await page.goto((await page.getByRole('link', { name: 'Suivant' }).getAttribute('href'))!);
  const listUrl = page.url();
  const row = candidates.last();
  const id = (await row.getByRole('checkbox').getAttribute('value'))!;
  const name = (await row.getByRole('checkbox').getAttribute('aria-label'))!;
  const box = page.locator(`tbody tr input[value="${id}"]`);
  const panel = page.getByRole('region', { name: 'Actions sur la sélection' });
  await box.check();
  await panel.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 accès inscrit.' })).toBeVisible();
  await box.check();
  await panel.getByRole('button', { name: 'Générer les identifiants' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^1 mail d'identifiants généré/ })).toBeVisible();

  // Sent from the centre d'envoi, delivered by the dispatcher.
  await page.goto('/gestion/centre-envoi?statut=PENDING_REVIEW');
  // Newest first: another spec may have written to someone of the same name (the demo has namesakes).
  await page.getByRole('row').filter({ hasText: name }).first().getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 mail envoyé' })).toBeVisible();
  // The table follows mails in flight until they are sent.
  await page.goto(`/gestion/centre-envoi?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('row').filter({ hasText: name }).first()).toContainText('Envoyé', { timeout: 30_000 });

  await page.goto(listUrl);
  await expect.poll(neverActivated).toBe(before + 1);
  await page.locator(`tbody tr input[value="${id}"]`).check();
  await panel.getByRole('button', { name: 'Relancer' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^1 relance préparée/ })).toBeVisible();
  await page.goto('/gestion/centre-envoi?statut=PENDING_REVIEW');
  await expect(page.getByRole('row').filter({ hasText: name }).first()).toContainText(
    'Relance (identifiants non utilisés)',
  );
});

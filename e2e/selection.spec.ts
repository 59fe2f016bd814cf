// Issue 14, item 2: the selection toolbar. The help article's procedure for one person by keyboard alone, counted;
// a selection across pages enveloped at once; the Désinscrire dialog names who.
import { expect, test, type Page } from '@playwright/test';
import { signInStaff, warmUpSignIn } from './helpers';

const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? 'BODY');

test.beforeAll(warmUpSignIn);

test.beforeEach(async ({ page }) => {
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
});

test('the help article for one person, by keyboard alone: at most 40 key presses, focus never on <body>', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await signInStaff(page, 'GESTIONNAIRE');
  // Set-up, not counted: a locataire with an e-mail, enrolled (the article's person already had credentials), whom
  // their reference finds first.
  let ref = '';
  let name = '';
  for (let i = 300; i > 200 && !ref; i--) {
    const candidate = `LOC-${String(i).padStart(5, '0')}`;
    await page.goto(`/gestion/acces?q=${candidate}`);
    const first = page.locator('tbody tr').first();
    const text = await first.innerText();
    if (!text.includes('Non inscrit') || text.includes("Pas d'adresse e-mail")) continue;
    ref = candidate;
    name = (await first.getByRole('checkbox').getAttribute('aria-label'))!;
    await first.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 accès inscrit.' })).toBeVisible();
  }
  expect(ref).not.toBe('');

  // A new tab: nothing selected, focus nowhere.
  const tab = await context.newPage();
  await tab.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  await tab.goto('/gestion/acces');
  await expect(tab.getByRole('heading', { level: 1, name: 'Gestion des accès' })).toBeVisible();
  await expect(tab.locator('tbody input[type=checkbox]').first()).toBeEnabled();
  let presses = 0;
  const press = async (key: string, times = 1) => {
    for (let i = 0; i < times; i++) await tab.keyboard.press(key);
    presses += times;
  };
  const type = async (text: string) => {
    await tab.keyboard.type(text);
    presses += text.length;
  };
  const toolbar = tab.getByRole('region', { name: 'Actions sur la sélection' });
  const status = toolbar.getByRole('status');
  const focusStays = async () => expect.poll(() => focusedTag(tab)).not.toBe('BODY');

  await press('Tab'); // "Aller au contenu"
  await press('Enter');
  await press('Tab', 2); // Type, Rechercher
  await type(ref);
  await expect(tab).toHaveURL(new RegExp(`q=${ref}`));
  const row = tab.locator('tbody tr').first();
  await expect(row.getByRole('checkbox', { name, exact: true })).toBeVisible();
  // Tab on to the row: Statut d'accès, Afficher, « Sélectionner les N résultats », « Tout désélectionner », the
  // toolbar, the table's scroll region (when it overflows), the page's box, two column headers, the row.
  const box = row.getByRole('checkbox', { name, exact: true });
  const isFocused = (locator: typeof box) => locator.evaluate((el) => el === document.activeElement);
  for (let i = 0; i < 12 && !(await isFocused(box)); i++) await press('Tab');
  await expect(box).toBeFocused();
  await press('Space');
  await expect(toolbar.getByText('1 sélectionné', { exact: true })).toBeVisible();
  // Back over the two headers, the page's box and the scroll region, to the toolbar.
  const unenroll = toolbar.getByRole('button', { name: 'Désinscrire' });
  for (let i = 0; i < 6 && !(await isFocused(unenroll)); i++) await press('Shift+Tab');
  await expect(unenroll).toBeFocused();

  // Step 3: Désinscrire, confirmed in a dialog that names the person.
  await press('Enter');
  const dialog = tab.getByRole('dialog', { name: 'Désinscrire 1 accès ?' });
  await expect(dialog.getByRole('listitem')).toHaveText([name]);
  await press('Tab');
  await press('Enter');
  await expect(status).toContainText('1 accès désinscrit.');
  await expect(toolbar.getByRole('button', { name: 'Désinscrire' })).toBeFocused();
  await expect(row).toContainText('Désinscrit');

  // Step 4: Inscrire, then the envelope, by the toolbar's arrow keys.
  const ready = (button: string) =>
    expect(toolbar.getByRole('button', { name: button, exact: true })).not.toHaveAttribute('aria-disabled');
  await ready('Inscrire');
  await press('ArrowRight');
  await press('Enter');
  await expect(status).toContainText('1 accès inscrit.');
  await expect(toolbar.getByRole('button', { name: 'Inscrire', exact: true })).toBeFocused();
  await ready('Générer les identifiants');
  await press('ArrowRight');
  await press('Enter');
  await expect(status).toContainText("1 mail d'identifiants généré");
  await expect(toolbar.getByRole('button', { name: 'Générer les identifiants' })).toBeFocused();
  // This envelope's own link (first; an earlier job's summary may follow it).
  await expect(status.getByRole('link', { name: "Voir dans le centre d'envoi" }).first()).toHaveAttribute(
    'href',
    /statut=PENDING_REVIEW&q=/,
  );

  // The loupe, right there, and its Envoyer.
  await press('Tab');
  await expect(status.getByRole('button', { name: 'Aperçu du mail' })).toBeFocused();
  await press('Enter');
  const loupe = tab.getByRole('dialog', { name: 'Aperçu du mail' });
  await expect(loupe.getByText(/•••••••• – généré le/).first()).toBeVisible();
  await expect(loupe.getByRole('button', { name: 'Envoyer' })).toBeFocused();
  await press('Enter');
  await expect(loupe).toBeHidden();
  await expect(status).toContainText(/envoi/i);
  await focusStays();
  await expect(status.getByRole('button', { name: 'Aperçu du mail' })).toBeFocused();

  expect(presses).toBeLessThanOrEqual(40);
  test.info().annotations.push({ type: 'key presses', description: String(presses) });
});

test('120 people selected across three pages are enrolled and enveloped at once', async ({ page }) => {
  test.setTimeout(300_000);
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto('/gestion/acces?type=locataire&statut=non-inscrit');
  const toolbar = page.getByRole('region', { name: 'Actions sur la sélection' });
  const selected = (n: number) => toolbar.getByText(`${n} sélectionnés`, { exact: true });
  const withEmail = page.locator('tbody tr').filter({ hasNot: page.getByText("Pas d'adresse e-mail") });
  const next = page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Suivant' });

  // Pages 1 and 2: the page's box, then the people without e-mail unticked.
  let count = 0;
  for (let p = 0; p < 2; p++) {
    await expect(page.locator('tbody input[type=checkbox]').first()).toBeEnabled();
    await page.getByLabel('Tout sélectionner sur cette page').check();
    for (const box of await page
      .locator('tbody tr')
      .filter({ hasText: "Pas d'adresse e-mail" })
      .getByRole('checkbox')
      .all())
      await box.uncheck();
    count = Number(/(\d+) sélectionnés/.exec(await toolbar.innerText())![1]);
    const url = page.url();
    await next.click();
    await expect(page).not.toHaveURL(url);
    // The selection is kept across pages.
    await expect(selected(count)).toBeVisible();
  }
  // Page 3: a shift-click range up to 120.
  await expect(page.locator('tbody input[type=checkbox]').first()).toBeEnabled();
  const rows = await withEmail.getByRole('checkbox').all();
  const firstBox = rows[0];
  await firstBox.check();
  const need = 120 - count;
  const ids = await Promise.all(rows.map((box) => box.getAttribute('value')));
  // A shift-click also takes the people without e-mail between the two ends: untick them after.
  const all = await page.locator('tbody input[type=checkbox]').all();
  const allIds = await Promise.all(all.map((b) => b.getAttribute('value')));
  let end = allIds.indexOf(ids[0]!);
  let taken = 0;
  while (taken < need) if (ids.includes(allIds[end++])) taken++;
  await all[end - 1].click({ modifiers: ['Shift'] });
  for (const box of await page
    .locator('tbody tr')
    .filter({ hasText: "Pas d'adresse e-mail" })
    .getByRole('checkbox')
    .all())
    if (await box.isChecked()) await box.uncheck();
  await expect(selected(120)).toBeVisible();

  // The Désinscrire dialog names ten people, then the others; here nobody is enrolled yet, so it says why not.
  await expect(toolbar.getByRole('button', { name: 'Désinscrire' })).toHaveAttribute('aria-disabled', 'true');
  await toolbar.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(toolbar.getByRole('status')).toContainText('120 accès inscrits.');
  await toolbar.getByRole('button', { name: 'Désinscrire' }).click();
  const dialog = page.getByRole('dialog', { name: 'Désinscrire 120 accès ?' });
  await expect(dialog.getByRole('listitem')).toHaveCount(11);
  await expect(dialog.getByRole('listitem').last()).toHaveText('et 110 autres');
  await page.keyboard.press('Escape');
  await expect(toolbar.getByRole('button', { name: 'Désinscrire' })).toBeFocused();

  await toolbar.getByRole('button', { name: 'Générer les identifiants' }).click();
  await expect(toolbar.getByRole('status')).toContainText('Génération des identifiants lancée pour 120 personnes');
  await expect(toolbar.getByRole('status')).toContainText("120 mails d'identifiants générés", { timeout: 240_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // Its summary links to the centre d'envoi (an earlier job of the same person may be listed too).
  await expect(
    toolbar
      .locator('p')
      .filter({ hasText: "120 mails d'identifiants générés" })
      .getByRole('link', { name: "Voir dans le centre d'envoi" }),
  ).toBeVisible();
});

test('"Sélectionner les N résultats" takes every page of a filter, and 50/100/200 per page', async ({ page }) => {
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto('/gestion/acces?type=locataire');
  const sizes = page.getByRole('navigation', { name: 'Nombre de lignes par page' });
  await sizes.getByRole('link', { name: '100' }).click();
  await expect(page).toHaveURL(/taille=100/);
  await expect(page.locator('tbody tr')).toHaveCount(100);
  await expect(sizes.getByText('100')).toHaveAttribute('aria-current', 'true');
  const toolbar = page.getByRole('region', { name: 'Actions sur la sélection' });
  const all = toolbar.getByRole('button', { name: /^Sélectionner les (\d+) résultats$/ });
  const total = Number(/(\d+)/.exec((await all.textContent())!)![1]);
  expect(total).toBeGreaterThan(200);
  await all.click();
  await expect(toolbar.getByText(`${total} sélectionnés`, { exact: true })).toBeVisible();
  // The button stays where it was, so focus does not fall to the page.
  await expect(toolbar.getByRole('button', { name: 'Tous les résultats sont sélectionnés' })).toBeFocused();
  await expect(page.locator('tbody input[type=checkbox]:checked')).toHaveCount(100);
  await toolbar.getByRole('button', { name: 'Tout désélectionner' }).click();
  await expect(toolbar.getByText('Aucune personne sélectionnée')).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'Tout désélectionner' })).toBeFocused();
  await expect(page.locator('tbody input[type=checkbox]:checked')).toHaveCount(0);
});

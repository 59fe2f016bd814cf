// axe-core on every page and dialog (issue 14): the back office at 1366 and 768 px, the extranet at 1366 and 360 px,
// and the mails as they were received. One browser context per audience, signed in once; every violation is listed
// (page, width, rule, elements) and the list must be empty.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { decodeHeader, parseMail } from '../tests/helpers/mime';
import { receivedMails, STAFF } from './helpers';

test.describe.configure({ mode: 'serial' });

const found: string[] = [];

async function audit(page: Page, where: string, options: { disable?: string[] } = {}) {
  const builder = new AxeBuilder({ page });
  if (options.disable) builder.disableRules(options.disable);
  const { violations } = await builder.analyze();
  for (const v of violations)
    found.push(
      `${where} @${page.viewportSize()?.width}px: ${v.id} (${v.nodes.length}) ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
    );
}

/** Visits a page at each width and audits it once it shows its h1. */
async function visit(page: Page, url: string, widths: number[]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await audit(page, url);
    // No page-wide sideways scroll: wide tables scroll inside their own region (issue 14, item 5).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) found.push(`${url} @${width}px: the page scrolls sideways by ${overflow}px`);
  }
}

let credentials: { login: string; password: string } | null = null;
let owner: { login: string; password: string } = { login: '', password: '' };

test('back office: every page and dialog at 1366 and 768 px, then the mails', async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  const widths = [1366, 768];
  await page.goto('/gestion/connexion', { timeout: 120_000 });
  await visit(page, '/gestion/connexion', widths);
  await page.getByLabel('Adresse e-mail').fill(STAFF.ADMIN.email);
  await page.getByLabel('Mot de passe').fill(STAFF.ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: `Bonjour ${STAFF.ADMIN.name}` })).toBeVisible({ timeout: 60_000 });

  // Detail pages: the first of each list.
  await page.goto('/gestion/tiers');
  const tiers = await page.getByRole('table').getByRole('link').first().getAttribute('href');
  await page.goto('/gestion/biens');
  const bien = await page.getByRole('table').getByRole('link').first().getAttribute('href');
  await page.goto(bien!);
  const bail = await page
    .locator('a[href*="/baux/"]')
    .filter({ hasNotText: /nouveau/i })
    .first()
    .getAttribute('href');
  await page.goto('/gestion/acces');
  const diagnostic = await page
    .getByRole('link', { name: /Diagnostic de connexion/ })
    .first()
    .getAttribute('href');

  for (const url of [
    '/gestion',
    '/gestion/acces',
    '/gestion/acces?statut=actif&taille=100',
    diagnostic!,
    '/gestion/centre-envoi',
    '/gestion/tiers',
    tiers!,
    '/gestion/tiers/nouveau',
    '/gestion/tiers/import',
    '/gestion/biens',
    bien!,
    '/gestion/biens/nouveau',
    `${bien}/baux/nouveau`,
    ...(bail ? [bail] : []),
    '/gestion/journal',
    '/gestion/assistance',
    '/gestion/parametres',
    '/gestion/parametres/equipe',
    '/gestion/parametres/mails',
  ])
    await visit(page, url, widths);

  // A picker's open list (item 6).
  await page.goto(`${bien}/baux/nouveau`);
  await page.getByRole('combobox', { name: 'Locataire principal' }).fill('LOC');
  await expect(page.getByRole('listbox', { name: 'Locataire principal' })).toBeVisible();
  await audit(page, 'picker Locataire principal (ouvert)');

  // At 768 px the side menu folds away and comes back (item 5).
  await page.setViewportSize({ width: 768, height: 900 });
  await page.goto('/gestion/centre-envoi');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await page.getByRole('button', { name: 'Masquer le menu' }).click();
  await expect(nav).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afficher le menu' })).toHaveAttribute('aria-expanded', 'false');
  await audit(page, '/gestion/centre-envoi (menu replié)');
  await page.reload();
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: 'Afficher le menu' }).click();
  await expect(nav).toBeVisible();

  // The dialogs of Gestion des accès: Désinscrire (naming who) and the loupe, after an envelope.
  await page.setViewportSize({ width: 1366, height: 900 });
  // A locataire found by reference, away from the top of the list (other specs take the first ones by name).
  let id: string | null = null;
  for (let i = 260; i > 200 && !id; i--) {
    await page.goto(`/gestion/acces?q=LOC-${String(i).padStart(5, '0')}`);
    const first = page.locator('tbody tr').first();
    const text = await first.innerText();
    if (text.includes('Non inscrit') && !text.includes("Pas d'adresse e-mail"))
      id = await first.getByRole('checkbox').getAttribute('value');
  }
  const row = page.locator('tbody tr', { has: page.locator(`input[value="${id}"]`) });
  await row.getByRole('checkbox').check();
  const toolbar = page.getByRole('region', { name: 'Actions sur la sélection' });
  await toolbar.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(toolbar.getByRole('status')).toContainText('1 accès inscrit.');
  await audit(page, 'toolbar after Inscrire');
  await expect(row.getByRole('cell').nth(2)).toHaveText(/\./); // the list refreshed with the new identifiant
  credentials = { login: (await row.getByRole('cell').nth(2).textContent())!.trim(), password: '' };
  await toolbar.getByRole('button', { name: 'Désinscrire' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await audit(page, 'dialog Désinscrire');
  await page.keyboard.press('Escape');
  await toolbar.getByRole('button', { name: 'Générer les identifiants' }).click();
  await toolbar.getByRole('button', { name: 'Aperçu du mail' }).click();
  const loupe = page.getByRole('dialog', { name: 'Aperçu du mail' });
  await expect(loupe).toBeVisible();
  await loupe.getByText(/^En-têtes/).click();
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await audit(page, 'dialog loupe');
  }
  const before = (await receivedMails()).length;
  await loupe.getByRole('button', { name: 'Envoyer' }).click();
  await expect.poll(async () => (await receivedMails()).length, { timeout: 30_000 }).toBeGreaterThan(before);

  // An owner too, for the owner's pages of the extranet.
  await toolbar.getByRole('button', { name: 'Tout désélectionner' }).click();
  let ownerId: string | null = null;
  for (let i = 75; i > 40 && !ownerId; i--) {
    await page.goto(`/gestion/acces?q=PRO-${String(i).padStart(5, '0')}`);
    const first = page.locator('tbody tr').first();
    const text = await first.innerText();
    if (text.includes('Non inscrit') && !text.includes("Pas d'adresse e-mail"))
      ownerId = await first.getByRole('checkbox').getAttribute('value');
  }
  const ownerRow = page.locator('tbody tr', { has: page.locator(`input[value="${ownerId}"]`) });
  await ownerRow.getByRole('checkbox').check();
  await toolbar.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(toolbar.getByRole('status')).toContainText('1 accès inscrit.');
  await expect(ownerRow.getByRole('cell').nth(2)).toHaveText(/\./);
  owner = { login: (await ownerRow.getByRole('cell').nth(2).textContent())!.trim(), password: '' };
  await toolbar.getByRole('button', { name: 'Générer les identifiants' }).click();
  await toolbar.getByRole('button', { name: 'Aperçu du mail' }).click();
  const ownerMails = (await receivedMails()).length;
  await loupe.getByRole('button', { name: 'Envoyer' }).click();
  await expect.poll(async () => (await receivedMails()).length, { timeout: 30_000 }).toBeGreaterThan(ownerMails);

  // The mails as received, each alone in a page.
  const mails = (await receivedMails()).map(parseMail);
  const passwordOf = (login: string) =>
    /Mot de passe provisoire\s+(\S{14})/.exec(mails.find((m) => m.text.includes(login))!.text)![1];
  credentials!.password = passwordOf(credentials!.login);
  owner.password = passwordOf(owner.login);
  const mailPage = await context.newPage();
  const seen = new Set<string>();
  for (const mail of mails) {
    const subject = mail.headers.subject;
    if (seen.has(subject) || !mail.html) continue;
    seen.add(subject);
    await mailPage.setContent(mail.html);
    // A mail is read inside a mail client's page, which has its own landmarks: the two page-level landmark rules
    // do not apply to the mail's document (decision 017).
    await audit(mailPage, `mail « ${decodeHeader(subject)} »`, { disable: ['landmark-one-main', 'region'] });
  }
  await context.close();
  expect(found).toEqual([]);
});

test('extranet: every page at 1366 and 360 px', async ({ browser }) => {
  test.skip(!credentials?.password, 'needs the credentials mailed by the back-office test');
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  const widths = [1366, 360];
  for (const url of ['/extranet/connexion', '/extranet/mot-de-passe-oublie', '/extranet/confirmer-adresse?jeton=x'])
    await visit(page, url, widths);
  // A wrong password: the page with its error.
  await page.goto('/extranet/connexion');
  await page.getByLabel('Identifiant', { exact: true }).fill(credentials!.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible({ timeout: 30_000 });
  await audit(page, '/extranet/connexion (erreur)');

  await page.getByLabel('Mot de passe', { exact: true }).fill(credentials!.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/nouveau-mot-de-passe/, { timeout: 30_000 });
  await visit(page, '/extranet/nouveau-mot-de-passe', widths);
  // Item 8: the meter follows the field. A refused try empties it, and an empty field gets no verdict.
  await page.getByLabel('Nouveau mot de passe').fill('Hirondelle-Verger-Tambour-84');
  await expect(page.getByText(/Mot de passe solide/)).toBeVisible();
  await page.getByLabel('Confirmer le mot de passe').fill('Autre-Chose-Que-Le-Premier-12');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.getByLabel('Nouveau mot de passe')).toHaveValue('');
  await expect(page.getByText(/Mot de passe solide/)).toHaveCount(0);
  await audit(page, '/extranet/nouveau-mot-de-passe (erreur)');
  await page.getByLabel('Nouveau mot de passe').fill('Hirondelle-Verger-Tambour-84');
  await page.getByLabel('Confirmer le mot de passe').fill('Hirondelle-Verger-Tambour-84');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible({ timeout: 30_000 });
  const details = await page
    .locator('a[href^="/extranet/baux/"], a[href^="/extranet/biens/"]')
    .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))].slice(0, 2));
  for (const url of ['/extranet', ...details]) await visit(page, url, widths);
  await context.close();

  // The owner's space and a property's page.
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await ownerPage.goto('/extranet/connexion');
  await ownerPage.getByLabel('Identifiant', { exact: true }).fill(owner.login);
  await ownerPage.getByLabel('Mot de passe', { exact: true }).fill(owner.password);
  await ownerPage.getByRole('button', { name: 'Se connecter' }).click();
  await expect(ownerPage).toHaveURL(/nouveau-mot-de-passe/, { timeout: 30_000 });
  await ownerPage.getByLabel('Nouveau mot de passe').fill('Cerisier-Lanterne-Boussole-31');
  await ownerPage.getByLabel('Confirmer le mot de passe').fill('Cerisier-Lanterne-Boussole-31');
  await ownerPage.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(ownerPage.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible({ timeout: 30_000 });
  const properties = await ownerPage
    .locator('a[href^="/extranet/biens/"]')
    .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))].slice(0, 1));
  for (const url of ['/extranet', ...properties]) await visit(ownerPage, url, widths);
  await ownerContext.close();
  expect(found).toEqual([]);
});

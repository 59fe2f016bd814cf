// Paramètres → Équipe in the browser (issue 12): an ADMIN invites a member, the activation mail reaches the SMTP peer,
// the member chooses a password and signs in; disabling them ends their open session at once, and a copy of its
// cookie is refused by a page and a route handler alike.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { parseMail } from '../tests/helpers/mime';
import { receivedMails, signInStaff } from './helpers';

const PASSWORD = 'Baobab-Libellule-Sextant-93';

/** A second browser holding a copy of this context's cookies: what an attacker who stole them would have. */
async function copyOf(browser: Browser, context: BrowserContext): Promise<BrowserContext> {
  const copy = await browser.newContext({ baseURL: 'http://localhost:' + (process.env.E2E_PORT ?? 3100) });
  await copy.addCookies(await context.cookies());
  return copy;
}

test('invite → mail at the SMTP peer → activation → sign-in; disable → the open session and its copies end', async ({
  page,
  browser,
}) => {
  const email = `e2e-${randomUUID().slice(0, 8)}@agence-demo.fr`;
  const name = `Élodie Essai ${email.slice(4, 8)}`;
  await signInStaff(page, 'ADMIN');
  await page.goto('/gestion/parametres');
  await page.getByRole('link', { name: 'Équipe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Équipe' })).toBeVisible();
  await page.getByLabel('Nom', { exact: true }).fill(name);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Rôle', { exact: true }).selectOption('GESTIONNAIRE');
  await page.getByRole('button', { name: 'Inviter' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation envoyée à ${email}` })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Invitation envoyée');

  // The mail really left through the centre d'envoi and the dispatcher.
  let link = '';
  await expect
    .poll(
      async () => {
        const mail = (await receivedMails()).map(parseMail).find((m) => (m.headers.to ?? '').includes(email));
        link = (mail && /(https?:\/\/\S+\/gestion\/activation\?jeton=[\w-]+)/.exec(mail.text)?.[1]) ?? '';
        return link;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');

  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await memberPage.goto(link.replace(/^https?:\/\/[^/]+/, `http://localhost:${process.env.E2E_PORT ?? 3100}`));
  await expect(memberPage.getByRole('heading', { name: 'Choisissez votre mot de passe' })).toBeVisible();
  await memberPage.getByLabel('Nouveau mot de passe').fill(PASSWORD);
  await memberPage.getByLabel('Confirmer le mot de passe').fill(PASSWORD);
  await memberPage.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(memberPage.getByRole('status').filter({ hasText: 'Mot de passe enregistré' })).toBeVisible({
    timeout: 30_000,
  });
  await memberPage.getByLabel('Adresse e-mail').fill(email);
  await memberPage.getByLabel('Mot de passe').fill(PASSWORD);
  await memberPage.getByRole('button', { name: 'Se connecter' }).click();
  await expect(memberPage.getByRole('heading', { name: `Bonjour ${name}` })).toBeVisible({ timeout: 30_000 });
  await memberPage.goto('/gestion/journal');
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Journal' })).toBeVisible();
  const stolen = await copyOf(browser, member);
  expect((await stolen.request.get('/gestion/journal/export')).status()).toBe(200);

  // The ADMIN sees one open session and disables the member.
  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row.getByRole('cell').nth(4)).toHaveText('1');
  await row.getByRole('button', { name: `Désactiver ${name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} est désactivé` })).toBeVisible();

  // The open session ends at its next request: a page and a route handler, for the session and for a copy of it.
  await memberPage.goto('/gestion/journal');
  await expect(memberPage).toHaveURL(/\/gestion\/connexion/);
  const stolenPage = await stolen.newPage();
  await stolenPage.goto('/gestion/tiers');
  await expect(stolenPage).toHaveURL(/\/gestion\/connexion/);
  expect((await stolen.request.get('/gestion/journal/export')).status()).toBe(401);
  await member.close();
  await stolen.close();
});

test('Se déconnecter ends the session itself: a copied staff cookie is refused afterwards', async ({
  page,
  browser,
}) => {
  await signInStaff(page, 'SUPPORT');
  const stolen = await copyOf(browser, page.context());
  expect((await stolen.request.get('/gestion/journal/export')).status()).toBe(200);
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/gestion\/connexion/);
  expect((await stolen.request.get('/gestion/journal/export')).status()).toBe(401);
  const stolenPage = await stolen.newPage();
  await stolenPage.goto('/gestion/journal');
  await expect(stolenPage).toHaveURL(/\/gestion\/connexion/);
  await stolen.close();
});

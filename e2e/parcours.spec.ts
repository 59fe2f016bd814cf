// The whole journey across screens: staff enrol a person and generate credentials (Gestion des accès), check the
// mail with the loupe and send it (Centre d'envoi), the SMTP peer receives it, the person logs into the extranet,
// must change the temporary password, finds their space and documents. Then a locked tenant is diagnosed and
// unlocked, and a forgotten password is reset by mail link.
import { expect, test, type Page } from '@playwright/test';
import { parseMail } from '../tests/helpers/mime';
import { receivedMails, signInStaff } from './helpers';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
});

async function enrolAndGenerate(page: Page, type: 'Locataire' | 'Propriétaire', skip: number) {
  await signInStaff(page, 'GESTIONNAIRE');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByText('Communication').click();
  await nav.getByRole('link', { name: 'Gestion des accès' }).click();
  await page.getByLabel('Type').selectOption({ label: type });
  await page.getByRole('button', { name: 'Afficher' }).click();
  // Other tests enrol people too: page through the list to the first one still "Non inscrit" with an e-mail.
  const candidates = page
    .locator('tbody tr')
    .filter({ hasText: 'Non inscrit' })
    .filter({ hasNot: page.getByText("Pas d'adresse e-mail") });
  for (let i = 0; i < 10 && (await candidates.count()) <= skip; i++) {
    await page.goto((await page.getByRole('link', { name: 'Suivant' }).getAttribute('href'))!);
  }
  const checkbox = candidates.nth(skip).getByRole('checkbox');
  const id = (await checkbox.getAttribute('value'))!;
  const name = (await checkbox.getAttribute('aria-label'))!;
  const row = page.locator('tbody tr', { has: page.locator(`input[value="${id}"]`) });
  const actions = page.getByRole('region', { name: 'Actions sur la sélection' });
  await row.getByRole('checkbox', { name, exact: true }).check();
  await actions.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 accès inscrit.' })).toBeVisible();
  await actions.getByRole('button', { name: 'Générer les identifiants' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^1 mail d'identifiants généré/ })).toBeVisible();
  const login = (await row.getByRole('cell').nth(2).textContent())!.trim();
  return { id, name, login };
}

async function previewAndSend(page: Page, name: string, login: string) {
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: "Centre d'envoi" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Centre d'envoi" })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: name }).filter({ hasText: 'À vérifier' }).first();
  await row.getByRole('button', { name: 'Aperçu' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(login).first()).toBeVisible();
  await expect(dialog.getByText(/•••••••• – généré le .+, expire le .+/).first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Envoyer' }).click();
  // This person's mail: another one (an earlier spec's notice) may land first.
  const mailOf = async () => (await receivedMails()).map(parseMail).find((m) => m.text.includes(login));
  await expect.poll(mailOf, { timeout: 30_000 }).toBeTruthy();
  return (await mailOf())!;
}

async function extranetLogin(page: Page, login: string, password: string) {
  await page.goto('/extranet/connexion');
  await page.getByLabel('Identifiant', { exact: true }).fill(login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function choosePassword(page: Page, password: string) {
  await page.getByLabel('Nouveau mot de passe').fill(password);
  await page.getByLabel('Confirmer le mot de passe').fill(password);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible({ timeout: 30_000 });
}

const signOutStaff = async (page: Page) => page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();

let tenant: { login: string; password: string; name: string };

test('a tenant receives credentials by mail, logs in, changes the password, downloads a document', async ({ page }) => {
  const { name, login } = await enrolAndGenerate(page, 'Locataire', 0);
  const mail = await previewAndSend(page, name, login);
  const temporary = /Mot de passe provisoire\s+([A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})/.exec(mail.text)?.[1];
  expect(temporary, mail.text).toBeTruthy();
  expect(mail.html).toContain(temporary);
  await signOutStaff(page);

  await page.setViewportSize({ width: 360, height: 800 });
  await extranetLogin(page, login, temporary!);
  await expect(page).toHaveURL(/\/extranet\/nouveau-mot-de-passe/, { timeout: 30_000 });
  const password = 'Hirondelle-Verger-Tambour-84';
  await choosePassword(page, password);
  await expect(page.getByRole('heading', { level: 2, name: 'Mon bail' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page
    .getByRole('link', { name: /Télécharger Quittance de loyer/ })
    .first()
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^quittance-BAIL-\d+\.pdf$/);

  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await extranetLogin(page, login, temporary!);
  await expect(page.getByRole('alert').filter({ hasText: 'Identifiant ou mot de passe incorrect' })).toBeVisible({
    timeout: 30_000,
  });
  tenant = { login, password, name };
});

test('an owner receives credentials by mail, logs in and sees Mes biens', async ({ page }) => {
  const { name, login } = await enrolAndGenerate(page, 'Propriétaire', 0);
  const mail = await previewAndSend(page, name, login);
  const temporary = /Mot de passe provisoire\s+(\S{14})/.exec(mail.text)![1];
  await signOutStaff(page);
  await extranetLogin(page, login, temporary);
  await choosePassword(page, 'Cerisier-Lanterne-Boussole-31');
  await expect(page.getByRole('heading', { level: 2, name: 'Mes biens' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mon bail' })).toHaveCount(0);
});

test('a locked tenant: staff read the diagnostic, unlock, and the tenant logs in', async ({ page }) => {
  test.skip(!tenant, 'needs the tenant of the first test');
  test.setTimeout(240_000);
  // Wrong passwords, waiting out each growing delay the page announces, until the long temporary lock.
  for (let i = 0; i < 10; i++) {
    await extranetLogin(page, tenant.login, `mauvais-mot-de-passe-${i}`);
    const alert = page.getByRole('alert').filter({ hasText: /incorrect|Trop de tentatives/ });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    const text = await alert.innerText();
    if (text.includes('la connexion est bloquée')) break;
    const wait = /patientez (\d+) secondes/.exec(text);
    if (wait) await page.waitForTimeout((Number(wait[1]) + 1) * 1000);
  }
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto(`/gestion/acces?type=locataire&q=${encodeURIComponent(tenant.login)}`);
  await expect(page.locator('tbody tr').filter({ hasText: tenant.login })).toContainText('Verrouillé temporairement');
  await page
    .locator('tbody tr')
    .filter({ hasText: tenant.login })
    .getByRole('link', { name: /Diagnostic/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /Diagnostic de connexion/ })).toBeVisible();
  await expect(page.getByText(/Le compte est verrouillé temporairement jusqu'au .+ après \d+ essais/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Mot de passe erroné' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Compte déverrouillé' })).toBeVisible();
  await signOutStaff(page);

  await extranetLogin(page, tenant.login, tenant.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible({ timeout: 30_000 });
});

test('"Mot de passe oublié ?" sends a single-use link that sets a new password', async ({ page }) => {
  test.skip(!tenant, 'needs the tenant of the first test');
  await page.goto('/extranet/connexion');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  const before = (await receivedMails()).length;
  await page.getByLabel('Identifiant ou adresse e-mail').fill(tenant.login);
  await page.getByRole('main').getByRole('button').first().click();
  await expect.poll(async () => (await receivedMails()).length, { timeout: 30_000 }).toBeGreaterThan(before);
  const reset = (await receivedMails())
    .map(parseMail)
    .reverse()
    .find((m) => /jeton=/.test(m.text))!;
  const link = /(https?:\/\/\S+jeton=[\w-]+)/.exec(reset.text)![1];
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await choosePassword(page, 'Parapluie-Glycine-Horizon-57');
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByRole('heading', { name: 'Lien expiré ou déjà utilisé' })).toBeVisible();
});

test('"Mes coordonnées": a new e-mail asks for the password, tells the old address, and changes at its link', async ({
  page,
}) => {
  test.skip(!tenant, 'needs the tenant of the first test');
  await extranetLogin(page, tenant.login, 'Parapluie-Glycine-Horizon-57');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible({ timeout: 30_000 });
  const section = page.getByRole('region', { name: 'Mes coordonnées' });
  const field = section.getByLabel('Adresse e-mail');
  const old = await field.inputValue();
  const next = `nouvelle.${tenant.login}@exemple.fr`;
  await field.fill(next);
  await section.getByRole('button', { name: 'Enregistrer mes coordonnées' }).click();
  await expect(
    section
      .getByRole('alert')
      .filter({ hasText: 'Pour changer votre adresse e-mail, saisissez votre mot de passe actuel.' }),
  ).toBeVisible();
  // What was typed is kept for the second try.
  await expect(field).toHaveValue(next);

  const before = (await receivedMails()).length;
  await section.getByLabel('Mot de passe actuel', { exact: true }).fill('Parapluie-Glycine-Horizon-57');
  await section.getByRole('button', { name: 'Enregistrer mes coordonnées' }).click();
  await expect(section.getByText(`Un lien de confirmation vient de partir à ${next}`)).toBeVisible();
  // The earlier password change's notice to the same address may land after `before`: wait for this change's own.
  const isNotice = (m: ReturnType<typeof parseMail>) =>
    m.headers.to.includes(old) && m.text.includes('Ce n’était pas vous ?');
  const since = async () => (await receivedMails()).slice(before).map(parseMail);
  await expect
    .poll(async () => (await since()).some(isNotice) && (await since()).some((m) => m.headers.to.includes(next)), {
      timeout: 30_000,
    })
    .toBe(true);
  const mails = await since();
  const notice = mails.find(isNotice)!;
  expect(notice.text).toContain('Ce n’était pas vous ?');
  const confirm = mails.find((m) => m.headers.to.includes(next))!;
  const link = /(https?:\/\/\S+confirmer-adresse\?jeton=[\w%-]+)/.exec(confirm.text)![1];

  // Not changed until the link is used; the page says what is pending.
  await page.reload();
  await expect(section.getByLabel('Adresse e-mail')).toHaveValue(old);
  await expect(section.getByText(`Nouvelle adresse en attente de confirmation : ${next}`)).toBeVisible();

  await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByRole('heading', { name: 'Confirmer ma nouvelle adresse' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer cette adresse' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `C’est fait : votre adresse e-mail est maintenant ${next}. Les prochains mails de l’agence y arriveront.`,
  );
  await page.goto('/extranet');
  await expect(section.getByLabel('Adresse e-mail')).toHaveValue(next);
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByRole('heading', { name: 'Lien expiré ou déjà utilisé' })).toBeVisible();
});

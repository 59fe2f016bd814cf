// A mail that never arrived (issue 15, docs/decisions/022): credentials leave through the SMTP peer, the relay posts
// a hard bounce to its webhook, the diagnostic says the address does not exist, staff fix the address, send new
// credentials, and the person signs in with them.
import { expect, test, type Page } from '@playwright/test';
import { parseMail } from '../tests/helpers/mime';
import { receivedMails, signInStaff } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
});

const WEBHOOK_SECRET = 'e2e-mailjet-webhook-secret-0123456789'; // scripts/e2e-server.ts

/** Checks the waiting credential mail of `name` with the loupe, sends it, and returns it as the peer got it. */
async function sendWaitingMail(page: Page, name: string, to: string) {
  await page.goto('/gestion/centre-envoi?statut=PENDING_REVIEW');
  const row = page.getByRole('row').filter({ hasText: name }).filter({ hasText: 'À vérifier' }).first();
  await row.getByRole('button', { name: 'Aperçu' }).click();
  const before = (await receivedMails()).length;
  await page.getByRole('dialog').getByRole('button', { name: 'Envoyer' }).click();
  let mail: ReturnType<typeof parseMail> | undefined;
  await expect
    .poll(
      async () => {
        mail = (await receivedMails())
          .slice(before)
          .map(parseMail)
          .find((m) => m.headers.to.includes(to));
        return !!mail;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return mail!;
}

test('a bounced address: the diagnostic says so, staff fix it, new credentials sign in', async ({ page, request }) => {
  test.setTimeout(120_000);
  await signInStaff(page, 'GESTIONNAIRE');
  // A tenant with an address, not yet enrolled.
  await page.goto('/gestion/acces?type=locataire');
  const candidate = page
    .locator('tbody tr')
    .filter({ hasText: 'Non inscrit' })
    .filter({ hasNot: page.getByText("Pas d'adresse e-mail") })
    .last();
  const checkbox = candidate.getByRole('checkbox');
  const tiersId = (await checkbox.getAttribute('value'))!;
  const name = (await checkbox.getAttribute('aria-label'))!;
  const actions = page.getByRole('region', { name: 'Actions sur la sélection' });
  await checkbox.check();
  await actions.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 accès inscrit.' })).toBeVisible();
  await actions.getByRole('button', { name: 'Générer les identifiants' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^1 mail d'identifiants généré/ })).toBeVisible();
  const row = page.locator('tbody tr', { has: page.locator(`input[value="${tiersId}"]`) });
  const login = (await row.getByRole('cell').nth(2).textContent())!.trim();

  await page.goto(`/gestion/tiers/${tiersId}`);
  const oldAddress = await page.getByLabel('Adresse e-mail').inputValue();
  const first = await sendWaitingMail(page, name, oldAddress);
  const customId = first.headers['x-mj-customid'];
  expect(customId).toBeTruthy();

  // Mailjet's event API posts the hard bounce (documented payload), authenticated by basic auth.
  const bounce = await request.post('/api/livraison/mailjet', {
    headers: { authorization: `Basic ${Buffer.from(`mailjet:${WEBHOOK_SECRET}`).toString('base64')}` },
    data: [
      {
        event: 'bounce',
        time: Math.floor(Date.now() / 1000),
        MessageID: 19421777396190490,
        Message_GUID: '1ab23cd4-e567-8901-2345-6789f0gh1i2j',
        email: oldAddress,
        mj_campaign_id: 0,
        mj_contact_id: 0,
        customcampaign: '',
        CustomID: customId,
        Payload: '',
        blocked: false,
        hard_bounce: true,
        error_related_to: 'recipient',
        error: 'user unknown',
        comment: `550 5.1.1 <${oldAddress}>: Recipient address rejected: User unknown`,
      },
    ],
  });
  expect(bounce.status()).toBe(200);
  expect(await bounce.json()).toMatchObject({ recorded: 1 });

  // The centre d'envoi says "Rejeté"; the diagnostic says why and what to do.
  await page.goto(`/gestion/centre-envoi?q=${encodeURIComponent(oldAddress)}`);
  await expect(page.getByRole('row').filter({ hasText: oldAddress }).first()).toContainText('Rejeté');
  await page.goto(`/gestion/acces/${tiersId}/diagnostic`);
  await expect(page.getByText(`Le mail n'est jamais arrivé : l'adresse ${oldAddress} n'existe pas.`)).toBeVisible();
  await expect(page.getByText('Corrigez-la puis générez de nouveaux identifiants.')).toBeVisible();
  await page.getByRole('link', { name: "Corriger l'adresse e-mail" }).click();

  // The person's page shows the address as invalide; staff type the right one.
  await expect(page.getByRole('note').filter({ hasText: 'invalide' })).toContainText(oldAddress);
  const newAddress = `corrigee.${tiersId}@exemple.fr`;
  await page.getByLabel('Adresse e-mail').fill(newAddress);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'sont enregistrées' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('note').filter({ hasText: 'invalide' })).toHaveCount(0);

  await page.goto(`/gestion/acces/${tiersId}/diagnostic`);
  await expect(page.getByText(/rejeté à l'ancienne adresse/)).toBeVisible();
  await page.getByRole('button', { name: 'Générer de nouveaux identifiants' }).click();
  // The verdict moves on: the new mail waits for the loupe.
  await expect(page.getByText("Le mail d'identifiants attend votre vérification dans le centre d'envoi")).toBeVisible();
  const second = await sendWaitingMail(page, name, newAddress);
  expect(second.text).toContain(login);
  const temporary = /Mot de passe provisoire\s+(\S{14})/.exec(second.text)?.[1];
  expect(temporary, second.text).toBeTruthy();
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();

  await page.goto('/extranet/connexion');
  await page.getByLabel('Identifiant', { exact: true }).fill(login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(temporary!);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/extranet\/nouveau-mot-de-passe/, { timeout: 30_000 });
});

test('the tiers form suggests the common domain for a mistyped address, and corrects it in one click', async ({
  page,
}) => {
  await signInStaff(page, 'GESTIONNAIRE');
  await page.goto('/gestion/tiers/nouveau');
  const field = page.getByLabel('Adresse e-mail');
  await field.fill('jeanne.martin@ornage.fr');
  await field.blur();
  await expect(page.getByText('Vouliez-vous dire jeanne.martin@orange.fr ?')).toBeVisible();
  await page.getByRole('button', { name: 'Corriger en jeanne.martin@orange.fr' }).click();
  await expect(field).toHaveValue('jeanne.martin@orange.fr');
  await expect(page.getByText(/Vouliez-vous dire/)).toHaveCount(0);
  await field.fill('jeanne.martin.orange.fr');
  await field.blur();
  await expect(page.getByText('Il manque le « @ » : une adresse e-mail s’écrit nom@domaine.fr.')).toBeVisible();
});

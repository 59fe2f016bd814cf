import { expect, type Browser, type Page } from '@playwright/test';

export const STAFF = {
  ADMIN: { email: 'admin@agence-demo.fr', password: 'Demo-Admin-2026!', name: 'Hélène Administratrice' },
  GESTIONNAIRE: { email: 'gestion@agence-demo.fr', password: 'Demo-Gestion-2026!', name: 'Julien Gestionnaire' },
  SUPPORT: { email: 'support@agence-demo.fr', password: 'Demo-Support-2026!', name: 'Sofia Support' },
} as const;

/** The sections of a tenant's "Mon espace", in order, as the extranet and "Voir son espace" show them. */
export const TENANT_SPACE_SECTIONS = [
  'Mon logement',
  'Mon bail',
  'Mes documents',
  'Mes coordonnées',
  'Sécurité',
  "Contacter l'agence",
] as const;

export async function signInStaff(page: Page, role: keyof typeof STAFF) {
  const who = STAFF[role];
  await page.goto('/gestion/connexion');
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel('Mot de passe').fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: `Bonjour ${who.name}` })).toBeVisible();
}

/** Raw mails the e2e SMTP peer accepted (scripts/e2e-server.ts writes them to <DATA_DIR>/smtp-received). */
export async function receivedMails(): Promise<string[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const dir = `.data/e2e-${process.env.E2E_PORT ?? 3100}/smtp-received`;
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
  return Promise.all(names.map((n) => readFile(`${dir}/${n}`, 'utf8')));
}

/** The first sign-in after the server starts can be slow on a busy machine: `test.beforeAll(warmUpSignIn)` does it
 * once, untimed by the tests. */
export async function warmUpSignIn({ browser }: { browser: Browser }) {
  const page = await browser.newPage();
  await page.goto('/gestion/connexion', { timeout: 120_000 });
  await page.getByLabel('Adresse e-mail').fill('support@agence-demo.fr');
  await page.getByLabel('Mot de passe').fill('Demo-Support-2026!');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/gestion$/, { timeout: 120_000 });
  await page.close();
}

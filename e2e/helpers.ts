import { expect, type Page } from '@playwright/test';

export const STAFF = {
  ADMIN: { email: 'admin@agence-demo.fr', password: 'Demo-Admin-2026!', name: 'Hélène Administratrice' },
  GESTIONNAIRE: { email: 'gestion@agence-demo.fr', password: 'Demo-Gestion-2026!', name: 'Julien Gestionnaire' },
  SUPPORT: { email: 'support@agence-demo.fr', password: 'Demo-Support-2026!', name: 'Sofia Support' },
} as const;

export async function signInStaff(page: Page, role: keyof typeof STAFF) {
  const who = STAFF[role];
  await page.goto('/gestion/connexion');
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel('Mot de passe').fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: `Bonjour ${who.name}` })).toBeVisible();
}

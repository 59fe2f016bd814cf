// The signed-in extranet path, on the PostgreSQL e2e database only: until "Gestion des accès" can generate
// credentials (issue 4), the account is written straight into the database the server uses, exactly as the
// envelope would leave it (temporary password, must change it). The lead replaces this set-up by the mail path.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import argon2 from 'argon2';
import pg from 'pg';
import { TENANT_SPACE_SECTIONS } from './helpers';

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const port = process.env.E2E_PORT ?? '3100';
test.skip(!serverUrl, 'needs TEST_DATABASE_URL: the embedded e2e database cannot be opened by a second process');

async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(serverUrl!);
  url.pathname = `/trousseau_e2e_${port}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createAccount(kind: 'LOCATAIRE' | 'PROPRIETAIRE', password: string) {
  const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  return withDb(async (c) => {
    const join =
      kind === 'LOCATAIRE' ? `JOIN "LeaseTenant" lt ON lt."tiersId" = t.id` : `JOIN "Property" p ON p."ownerId" = t.id`;
    const { rows } = await c.query(
      `SELECT t.id, t."lastName" FROM "Tiers" t ${join} LEFT JOIN "ExtranetAccount" a ON a."tiersId" = t.id WHERE t.kind = $1 AND a.id IS NULL LIMIT 1`,
      [kind],
    );
    const tiers = rows[0] as { id: string; lastName: string };
    const accountId = `e2e${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const login = `e2e${randomUUID().slice(0, 6)}.k7m2`;
    await c.query(
      `INSERT INTO "ExtranetAccount" (id, "tiersId", login, status, "mustChangePassword", "updatedAt") VALUES ($1, $2, $3, 'ENROLLED', $4, now())`,
      [accountId, tiers.id, login, kind === 'LOCATAIRE'],
    );
    await c.query(
      `INSERT INTO "ExtranetPassword" ("accountId", hash, "isTemporary", "expiresAt", "updatedAt") VALUES ($1, $2, $3, now() + interval '7 days', now())`,
      [accountId, hash, kind === 'LOCATAIRE'],
    );
    // A document in the storage the server reads (DATA_DIR of scripts/e2e-server.ts).
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id}.pdf`;
    mkdirSync(path.join(`.data/e2e-${port}/documents`, id.slice(0, 2)), { recursive: true });
    const bytes = Buffer.from(`%PDF-1.4 quittance ${login}`);
    writeFileSync(path.join(`.data/e2e-${port}/documents`, key), bytes);
    await c.query(
      `INSERT INTO "Document" (id, title, category, "fileName", "mimeType", "sizeBytes", sha256, "storageKey", "tiersId") VALUES ($1, 'Quittance de test', 'QUITTANCE', 'quittance.pdf', 'application/pdf', $2, 'x', $3, $4)`,
      [`doc${id.slice(0, 8)}`, bytes.length, key, tiers.id],
    );
    return { login, content: bytes.toString() };
  });
}

async function logIn(page: Page, login: string, password: string) {
  await page.goto('/extranet/connexion');
  await page.getByLabel('Identifiant', { exact: true }).fill(login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

const NEW_PASSWORD = 'Hirondelle-Verger-Tambour-84';

test('a tenant logs in with a temporary password, must change it, sees their space, downloads, signs out', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const temporary = 'Provisoire-Zq8-Kw3-Lm5';
  const { login, content } = await createAccount('LOCATAIRE', temporary);
  await logIn(page, `  ${login.toUpperCase()} `, temporary);
  await expect(page).toHaveURL(/\/extranet\/nouveau-mot-de-passe$/, { timeout: 30_000 });
  // Nothing else is reachable before the password is changed.
  await page.goto('/extranet');
  await expect(page).toHaveURL(/\/extranet\/nouveau-mot-de-passe$/);

  await page.getByLabel('Nouveau mot de passe').fill('motdepasse12');
  await expect(page.locator('#password-feedback')).toContainText('trop facile à deviner');
  await page.getByLabel('Nouveau mot de passe').fill(NEW_PASSWORD);
  await expect(page.locator('#password-feedback')).toContainText('Mot de passe solide');
  await page.getByLabel('Confirmer le mot de passe').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible({ timeout: 30_000 });
  for (const name of TENANT_SPACE_SECTIONS) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger Quittance de test' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('quittance.pdf');
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString()).toBe(content);

  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/extranet\/connexion$/);
  await logIn(page, login, temporary);
  await expect(page.getByRole('alert').filter({ hasText: 'Identifiant ou mot de passe incorrect' })).toBeVisible({
    timeout: 30_000,
  });
  await logIn(page, login, NEW_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible({ timeout: 30_000 });

  // The back office is for staff only.
  await page.goto('/gestion');
  await expect(page).toHaveURL(/\/gestion\/connexion$/);
});

test('an owner sees "Mes biens" and can sign out everywhere', async ({ page }) => {
  const password = 'Proprietaire-Xw7-Tr9-Bn4';
  const { login } = await createAccount('PROPRIETAIRE', password);
  await logIn(page, login, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Mes biens' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mon bail' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Se déconnecter partout' }).click();
  await expect(page).toHaveURL(/\/extranet\/connexion$/);
  await page.goto('/extranet');
  await expect(page).toHaveURL(/\/extranet\/connexion$/);
});

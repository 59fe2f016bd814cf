// The README's `npm start` on a fresh embedded database, with `npm run staff -- create` run beside it as an agency
// would (issue 11): the new account signs in at once, and again after the app is stopped and started.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { isBuildCurrent } from '../scripts/build-stamp.mjs';

const port = 3201;
const base = `http://localhost:${port}`;
const env = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: `.data/e2e-npm-start-${process.pid}`, // its own: never the directory of a server still running
  DATABASE_URL: '',
  TEST_DATABASE_URL: '',
  PGLITE_DATA_DIR: '',
  SMTP_URL: '',
};
const account = { email: 'claire.martin@agence.fr', name: 'Claire Martin', password: 'une-phrase-de-passe-longue' };

type App = { child: ChildProcess; output: () => string };
const running = new Set<ChildProcess>();

// Whatever happens in the test, no npm start outlives it.
test.afterEach(async () => {
  for (const child of running) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(env.DATA_DIR, { recursive: true, force: true });
});

async function npmStart(): Promise<App> {
  const child = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const app = { child, output: () => output };
  for (const deadline = Date.now() + 240_000; ; await new Promise((resolve) => setTimeout(resolve, 500))) {
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not serve in 4 minutes:\n${output}`);
    const answer = await fetch(`${base}/gestion/connexion`).catch(() => null);
    if (answer?.status === 200 && output.includes('Demo back-office accounts')) break;
  }
  return app;
}

async function stop(app: App) {
  const exited = new Promise((resolve) => app.child.once('exit', resolve));
  app.child.kill('SIGTERM');
  await exited;
  expect(app.output()).toContain('Database closed.');
  // the port is free again
  await expect.poll(async () => (await fetch(`${base}/gestion/connexion`).catch(() => null)) === null).toBe(true);
}

async function signIn(page: Page) {
  await page.goto(`${base}/gestion/connexion`);
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: `Bonjour ${account.name}` })).toBeVisible();
}

test('npm start, a staff account created beside it signs in, and again after a restart', async ({ browser }) => {
  test.setTimeout(600_000);

  // `npm test` built the app just before: npm start must serve that build. Were the sources edited since, it would
  // rebuild .next under the e2e server the other specs use, so this spec stops here instead.
  expect(isBuildCurrent(), 'the sources changed since `npm run build`: build again').toBe(true);
  const first = await npmStart();
  expect(first.output()).not.toContain('building…');
  const staff = spawnSync(
    'npm',
    ['run', 'staff', '--', 'create', '--email', account.email, '--role', 'ADMIN', '--name', account.name],
    { env, input: `${account.password}\n`, encoding: 'utf8', timeout: 120_000 },
  );
  expect(staff.stdout + staff.stderr).toContain(`Created ADMIN ${account.email}`);

  const context = await browser.newContext();
  await signIn(await context.newPage());
  await context.close();
  await stop(first);

  const second = await npmStart();
  const again = await browser.newContext();
  await signIn(await again.newPage());
  await again.close();

  // Killed outright (kill -9 of npm start's own process): the web server goes with it and the next start takes the
  // stale lock over at once.
  const supervisor = JSON.parse(readFileSync(`${env.DATA_DIR}/pglite.pid`, 'utf8')).pid as number;
  process.kill(supervisor, 'SIGKILL');
  await expect.poll(async () => (await fetch(`${base}/gestion/connexion`).catch(() => null)) === null).toBe(true);
  await expect.poll(() => second.child.exitCode !== null || second.child.signalCode !== null).toBe(true);
  const third = await npmStart();
  const last = await browser.newContext();
  await signIn(await last.newPage());
  await last.close();
  await stop(third);
});

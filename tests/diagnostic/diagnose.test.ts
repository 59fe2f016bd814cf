import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { executeStaffAction, MESSAGES } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { diagnose } from '@/server/diagnostic/diagnose';
import { editDistance, looksLikeTypo } from '@/server/diagnostic/edit-distance';
import { bucketKey, loginKey } from '@/server/session/throttle';
import { createStaffUser, createTiers } from '../factories';
import { unlockAccountAction } from '@/server/diagnostic/actions';

const NOW = new Date('2026-11-25T10:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
let n = 0;

async function person(
  options: { email?: string | null; account?: object | null; password?: object | null; mail?: object | null } = {},
) {
  const tiers = await createTiers({ email: options.email === undefined ? 'p@exemple.fr' : options.email });
  if (options.account === null) return { tiers, account: null };
  n++;
  const login = `durand.${randomBytes(3).toString('hex').replace(/[01]/g, 'k').slice(0, 4)}`;
  const account = await db.extranetAccount.create({
    data: { tiersId: tiers.id, login, credentialsGeneratedAt: minutesAgo(600), ...options.account },
  });
  if (options.password !== null) {
    await db.extranetPassword.create({
      data: {
        accountId: account.id,
        hash: 'x',
        isTemporary: true,
        expiresAt: new Date(NOW.getTime() + 86_400_000),
        ...options.password,
      },
    });
  }
  if (options.mail !== null) {
    await db.outboxMail.create({
      data: {
        type: 'CREDENTIALS',
        status: 'SENT',
        sentAt: minutesAgo(590),
        accountId: account.id,
        tiersId: tiers.id,
        toAddress: 'p@exemple.fr',
        subject: 's',
        html: 'h',
        text: 't',
        messageId: `<m${n}@t>`,
        ...options.mail,
      },
    });
  }
  return { tiers, account };
}

async function attempt(
  login: string,
  outcome: 'SUCCESS' | 'WRONG_PASSWORD' | 'UNKNOWN_LOGIN' | 'UNENROLLED',
  minutes: number,
  accountId: string | null = null,
) {
  await db.loginAttempt.create({
    data: { loginInput: login, outcome, accountId, createdAt: minutesAgo(minutes), ip: '203.0.113.5' },
  });
}

describe('typo detection', () => {
  it('measures edits and ignores case and spaces', () => {
    expect(editDistance('martin.k7m2', 'martin.k7m3')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(looksLikeTypo(' martin. k7m2', 'martin.k7m2')).toBe(true);
    expect(looksLikeTypo('martn.k7m2', 'martin.k7m2')).toBe(true);
    expect(looksLikeTypo('dupont.abcd', 'martin.k7m2')).toBe(false);
    expect(looksLikeTypo('martin.k7m2', 'martin.k7m2')).toBe(false);
  });
});

describe('diagnostic de connexion: one scenario per cause, each with its fix', () => {
  it('not enrolled → Inscrire', async () => {
    const { tiers } = await person({ account: null });
    expect((await diagnose(tiers.id, NOW)).verdict).toMatchObject({
      action: 'ENROLL',
      cause: expect.stringContaining("n'est pas inscrite"),
    });
  });

  it('désinscrit → Inscrire again', async () => {
    const { tiers, account } = await person({
      account: { status: 'UNENROLLED', unenrolledAt: minutesAgo(60) },
      password: null,
    });
    await attempt(account!.login, 'UNENROLLED', 10, account!.id);
    const d = await diagnose(tiers.id, NOW);
    expect(d.verdict).toMatchObject({ action: 'ENROLL', cause: expect.stringContaining('désinscrit') });
    expect(d.attempts[0]).toMatchObject({ outcome: 'UNENROLLED' });
  });

  it('locked → Déverrouiller, with the end time', async () => {
    const { tiers } = await person({ account: { lockedUntil: new Date('2026-11-25T10:15:00Z'), failedLoginCount: 5 } });
    const d = await diagnose(tiers.id, NOW);
    expect(d.verdict.action).toBe('UNLOCK');
    expect(d.verdict.cause).toContain('25 novembre 2026 à 11:15');
    expect(d.account?.lockedUntil).toEqual(new Date('2026-11-25T10:15:00Z'));
  });

  it('no e-mail → Ajouter une adresse e-mail', async () => {
    const { tiers } = await person({
      email: null,
      account: { credentialsGeneratedAt: null },
      password: null,
      mail: null,
    });
    expect((await diagnose(tiers.id, NOW)).verdict.action).toBe('ADD_EMAIL');
  });

  it('credentials never generated → Générer', async () => {
    const { tiers } = await person({ account: { credentialsGeneratedAt: null }, password: null, mail: null });
    expect((await diagnose(tiers.id, NOW)).verdict).toMatchObject({
      action: 'GENERATE',
      cause: expect.stringContaining('Aucun identifiant'),
    });
  });

  it('mail waiting in the centre d’envoi → vérifier et envoyer', async () => {
    const { tiers } = await person({ mail: { status: 'PENDING_REVIEW', sentAt: null } });
    expect((await diagnose(tiers.id, NOW)).verdict.action).toBe('REVIEW_MAIL');
  });

  it('mail failed → Renvoyer le mail, with the SMTP reason', async () => {
    const { tiers } = await person({
      mail: { status: 'FAILED', sentAt: null, lastError: "Le serveur de messagerie a refusé l'adresse (550)" },
    });
    const d = await diagnose(tiers.id, NOW);
    expect(d.verdict).toMatchObject({ action: 'RETRY_MAIL', cause: expect.stringContaining('550') });
  });

  it('temporary password expired → Générer, with the expiry date', async () => {
    const { tiers } = await person({ password: { expiresAt: new Date('2026-11-20T08:00:00Z') } });
    const d = await diagnose(tiers.id, NOW);
    expect(d.verdict).toMatchObject({
      action: 'GENERATE',
      cause: 'Le mot de passe provisoire a expiré le 20 novembre 2026 à 09:00.',
    });
  });

  it('activation link expired unused → Générer', async () => {
    const { tiers, account } = await person({ password: null, mail: { type: 'ACTIVATION_LINK' } });
    await db.verification.create({
      data: { type: 'ACTIVATION', accountId: account!.id, tokenHash: `h${n}`, expiresAt: minutesAgo(30) },
    });
    expect((await diagnose(tiers.id, NOW)).verdict).toMatchObject({
      action: 'GENERATE',
      cause: expect.stringContaining("lien d'activation a expiré"),
    });
  });

  it('wrong passwords since the last success → forgotten password', async () => {
    const { tiers, account } = await person({
      account: { lastLoginAt: minutesAgo(300) },
      password: { isTemporary: false, expiresAt: null },
    });
    await attempt(account!.login, 'SUCCESS', 300, account!.id);
    await attempt(account!.login, 'WRONG_PASSWORD', 20, account!.id);
    await attempt(account!.login, 'WRONG_PASSWORD', 10, account!.id);
    expect((await diagnose(tiers.id, NOW)).verdict).toMatchObject({
      action: 'GENERATE',
      cause: expect.stringContaining('Mot de passe erroné 2 fois'),
    });
  });

  it('attempts on a resembling unknown identifiant are attributed to the right person as possible typos', async () => {
    const { tiers, account } = await person({
      account: { lastLoginAt: minutesAgo(3000) },
      password: { isTemporary: false, expiresAt: null },
    });
    const other = await person();
    const typed = `${account!.login.slice(0, -1)}${account!.login.endsWith('z') ? 'y' : 'z'}`;
    await attempt(typed, 'UNKNOWN_LOGIN', 5);
    const d = await diagnose(tiers.id, NOW);
    expect(d.attempts[0]).toMatchObject({ outcome: 'POSSIBLE_TYPO', typed });
    expect(d.verdict.cause).toContain(`« ${typed} »`);
    expect((await diagnose(other.tiers.id, NOW)).attempts.some((a) => a.outcome === 'POSSIBLE_TYPO')).toBe(false);
  });

  it('sent but never used, and all fine', async () => {
    const unused = await person();
    expect((await diagnose(unused.tiers.id, NOW)).verdict.cause).toContain('jamais utilisés');
    const fine = await person({
      account: { lastLoginAt: minutesAgo(60) },
      password: { isTemporary: false, expiresAt: null },
    });
    expect((await diagnose(fine.tiers.id, NOW)).verdict).toMatchObject({
      action: 'NONE',
      cause: expect.stringContaining('Aucun problème détecté'),
    });
  });

  it('an unknown person is not found', async () => {
    await expect(diagnose('nope', NOW)).rejects.toThrow('not found');
  });
});

describe('Déverrouiller', () => {
  it('ends the lock with a journal event; SUPPORT is refused; an unlocked account is explained', async () => {
    const { tiers, account } = await person({
      account: { lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 5 },
    });
    await db.throttleBucket.create({ data: { key: bucketKey(loginKey(account!.login)), failures: 5 } });
    const support = await createStaffUser({ role: 'SUPPORT' });
    const gestionnaire = await createStaffUser();
    expect(await executeStaffAction(unlockAccountAction, support, { tiersId: tiers.id }, null)).toEqual({
      ok: false,
      error: MESSAGES.forbidden,
    });
    expect((await db.extranetAccount.findUniqueOrThrow({ where: { id: account!.id } })).lockedUntil).not.toBeNull();

    expect(
      await executeStaffAction(unlockAccountAction, gestionnaire, { tiersId: tiers.id }, '192.0.2.4'),
    ).toMatchObject({
      ok: true,
    });
    expect(await db.extranetAccount.findUniqueOrThrow({ where: { id: account!.id } })).toMatchObject({
      lockedUntil: null,
      failedLoginCount: 0,
    });
    expect(await db.throttleBucket.count({ where: { key: bucketKey(loginKey(account!.login)) } })).toBe(0);
    expect(await db.auditEvent.findFirst({ where: { type: 'access.unlocked', tiersId: tiers.id } })).toMatchObject({
      actorStaffId: gestionnaire.id,
      ip: '192.0.2.4',
    });
    expect(await executeStaffAction(unlockAccountAction, gestionnaire, { tiersId: tiers.id }, null)).toEqual({
      ok: false,
      error: "Ce compte n'est pas verrouillé : rien à déverrouiller.",
    });
    expect(await executeStaffAction(unlockAccountAction, gestionnaire, { tiersId: 'forged' }, null)).toEqual({
      ok: false,
      error: MESSAGES.notFound,
    });
  });
});

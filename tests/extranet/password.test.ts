import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { changeOwnPassword } from '@/server/extranet/change-password';
import { FieldsError } from '@/server/extranet/extranet-action';
import { LINK_INVALID, RESET_REQUESTED } from '@/server/extranet/messages';
import { checkPassword } from '@/shared/extranet/password-policy';
import { requestPasswordReset, workResetRequests } from '@/server/extranet/request-password-reset';
import { resetPasswordWithToken } from '@/server/extranet/reset-password-with-token';
import { SECRET_PLACEHOLDER } from '@/server/mail/templates';
import { decryptSecret } from '@/server/crypto/secret-box';
import { findSession } from '@/server/session/sessions';
import { createExtranetAccount, createVerification, signedInActor } from '../factories/extranet';

const NEW = 'Hirondelle-Verger-Tambour-84';
const req = { ip: '203.0.113.20', userAgent: 'vitest' };
const login = (l: string, p: string) => authenticateExtranet({ login: l, password: p, ip: null, userAgent: null });
const isValid = async (token: string) => !!(await findSession(token, 'EXTRANET'));

describe('password policy', () => {
  const ctx = { login: 'martin.k7m2', names: ['Claire', 'Martin'] };
  it('wants 12 characters, no identifiant or name, and nothing common, in French', () => {
    expect(checkPassword('Court-1!', ctx).problems).toContain('Au moins 12 caractères : il en manque 4.');
    expect(checkPassword('xx-martin.k7m2-Zorglub', ctx).problems).toContain(
      'Il ne doit pas contenir votre identifiant.',
    );
    expect(checkPassword('Claire-Zorglub-Pivoine', ctx).problems).toContain(
      'Il ne doit pas contenir votre nom, votre prénom ni votre identifiant.',
    );
    expect(checkPassword('motdepasse123', ctx).problems.join(' ')).toMatch(/trop facile à deviner/);
    expect(checkPassword('azertyuiop123', ctx).ok).toBe(false);
    expect(checkPassword(NEW, ctx)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('changing the password', () => {
  it('after a temporary password: no current password asked, other sessions end, this one is kept, a notice is queued', async () => {
    const { account, password } = await createExtranetAccount({ temporary: true });
    const other = await signedInActor(account.id);
    const actor = await signedInActor(account.id);
    await changeOwnPassword(actor, { password: NEW, confirm: NEW }, '203.0.113.1');
    const after = await db.extranetAccount.findUniqueOrThrow({
      where: { id: account.id },
      include: { password: true },
    });
    expect(after).toMatchObject({ credentialVersion: 1, mustChangePassword: false });
    expect(after.password).toMatchObject({ isTemporary: false, expiresAt: null });
    expect(await isValid(actor.token)).toBe(true); // kept, following the new version
    expect(await isValid(other.token)).toBe(false);
    expect(await db.outboxMail.findFirst({ where: { accountId: account.id } })).toMatchObject({
      type: 'PASSWORD_CHANGED',
      status: 'SENDING',
    });
    expect(
      await db.auditEvent.findFirst({ where: { type: 'extranet.password_changed', actorAccountId: account.id } }),
    ).toMatchObject({ ip: '203.0.113.1' });
    expect((await login(after.login, password)).ok).toBe(false);
    expect((await login(after.login, NEW)).ok).toBe(true);
  });

  it('from Sécurité: asks the current password, refuses a weak or unconfirmed one without changing anything', async () => {
    const { account, password } = await createExtranetAccount();
    const actor = await signedInActor(account.id);
    await expect(changeOwnPassword(actor, { current: 'wrong', password: NEW, confirm: NEW }, null)).rejects.toThrow(
      FieldsError,
    );
    const weak = await changeOwnPassword(
      actor,
      { current: password, password: 'motdepasse12', confirm: 'motdepasse12' },
      null,
    ).catch((e: FieldsError) => e);
    expect(weak).toBeInstanceOf(FieldsError);
    expect((weak as FieldsError).fieldErrors.password.join(' ')).toMatch(/trop facile/);
    const mismatch = await changeOwnPassword(
      actor,
      { current: password, password: NEW, confirm: `${NEW}x` },
      null,
    ).catch((e: FieldsError) => e);
    expect((mismatch as FieldsError).fieldErrors.confirm).toHaveLength(1);
    expect((await db.extranetAccount.findUniqueOrThrow({ where: { id: account.id } })).credentialVersion).toBe(0);
    await changeOwnPassword(actor, { current: password, password: NEW, confirm: NEW }, null);
    expect((await db.extranetAccount.findUniqueOrThrow({ where: { id: account.id } })).credentialVersion).toBe(1);
  });
});

describe('reset and activation links', () => {
  it('"Mot de passe oublié" answers the same for a match, an unknown entry and a désinscrit, and queues one automatic mail', async () => {
    const { account, login: identifiant, tiers } = await createExtranetAccount({ email: 'Claire.Reset@Exemple.fr' });
    const unenrolled = await createExtranetAccount({ status: 'UNENROLLED', password: null });
    const answers = [];
    for (const identifier of [identifiant, 'personne.zzzz', unenrolled.login, 'claire.reset@exemple.fr']) {
      answers.push(await requestPasswordReset({ identifier }, '203.0.113.30'));
    }
    expect(new Set(answers)).toEqual(new Set([RESET_REQUESTED]));
    // Nothing is prepared on the request path: the worker does it, off the requests' clock.
    expect(await db.outboxMail.count({ where: { type: 'PASSWORD_RESET' } })).toBe(0);
    expect(await workResetRequests()).toBe(4);
    const mails = await db.outboxMail.findMany({ where: { type: 'PASSWORD_RESET' } });
    // The second request's link replaced the first, whose mail, not sent yet, no longer leaves.
    expect(mails.map((m) => [m.accountId, m.status, m.toAddress])).toEqual([
      [account.id, 'REPLACED', tiers.email],
      [account.id, 'SENDING', tiers.email],
    ]);
    const mail = mails[1];
    expect(mail.html).toContain(SECRET_PLACEHOLDER);
    const link = decryptSecret(Buffer.from(mail.secretCiphertext!));
    expect(link).toMatch(/\/extranet\/nouveau-mot-de-passe\?jeton=[\w-]{40,}$/);
    // Only the hash is at rest, and the second request replaced the first link.
    const token = decodeURIComponent(link.split('jeton=')[1]);
    const stored = await db.verification.findMany({ where: { accountId: account.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toContain(token);
    expect(stored[0].expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await db.auditEvent.count({ where: { type: 'extranet.reset_requested', tiersId: tiers.id } })).toBe(2);

    const opened = await resetPasswordWithToken({ jeton: token, password: NEW, confirm: NEW }, req);
    expect(await isValid(opened.token)).toBe(true);
    expect((await login(identifiant, NEW)).ok).toBe(true);
  });

  it('throttles reset requests per entry and per address', async () => {
    const messages = [];
    for (let i = 0; i < 7; i++) messages.push(await requestPasswordReset({ identifier: 'quelqu.un' }, `192.0.2.${i}`));
    expect(messages.slice(0, 5).every((m) => m === RESET_REQUESTED)).toBe(true);
    expect(messages[6]).toMatch(/^Trop de demandes : réessayez à partir de/);
  });

  it('a link works once, and ends every session of the account', async () => {
    const { account } = await createExtranetAccount();
    const before = await signedInActor(account.id);
    const token = await createVerification(account.id, 'PASSWORD_RESET');
    // A refused password does not spend the link.
    await expect(resetPasswordWithToken({ jeton: token, password: 'court', confirm: 'court' }, req)).rejects.toThrow(
      FieldsError,
    );
    const [first, second] = await Promise.allSettled([
      resetPasswordWithToken({ jeton: token, password: NEW, confirm: NEW }, req),
      resetPasswordWithToken({ jeton: token, password: NEW, confirm: NEW }, req),
    ]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = [first, second].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.message).toBe(LINK_INVALID);
    await expect(resetPasswordWithToken({ jeton: token, password: NEW, confirm: NEW }, req)).rejects.toThrow(
      LINK_INVALID,
    );
    expect(await isValid(before.token)).toBe(false);
    expect(await db.outboxMail.count({ where: { accountId: account.id, type: 'PASSWORD_CHANGED' } })).toBe(1);
  });

  it('an expired link is refused', async () => {
    const { account } = await createExtranetAccount();
    const token = await createVerification(account.id, 'PASSWORD_RESET', new Date(Date.now() - 1000));
    await expect(resetPasswordWithToken({ jeton: token, password: NEW, confirm: NEW }, req)).rejects.toThrow(
      LINK_INVALID,
    );
  });

  it('an activation link sets the first password of an account without one', async () => {
    const { account, login: identifiant } = await createExtranetAccount({ password: null });
    const token = await createVerification(account.id, 'ACTIVATION', new Date(Date.now() + 86_400_000));
    await resetPasswordWithToken({ jeton: token, password: NEW, confirm: NEW }, req);
    expect((await login(identifiant, NEW)).ok).toBe(true);
    expect(
      await db.auditEvent.findFirst({ where: { type: 'extranet.password_changed', actorAccountId: account.id } }),
    ).toMatchObject({ details: { via: 'activation' } });
  });
});

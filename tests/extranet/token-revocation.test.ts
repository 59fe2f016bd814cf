// Issue 13 (9): every link of an account dies when its credentials change.
import { describe, expect, it } from 'vitest';
import { enrollAccounts } from '@/server/access/enroll-accounts';
import { generateCredentials } from '@/server/access/generate-credentials';
import { unenrollAccounts } from '@/server/access/unenroll-accounts';
import { db } from '@/server/db';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { changeOwnPassword } from '@/server/extranet/change-password';
import { LINK_INVALID } from '@/server/extranet/messages';
import { requestPasswordReset, workResetRequests } from '@/server/extranet/request-password-reset';
import { resetPasswordWithToken } from '@/server/extranet/reset-password-with-token';
import { staffAudit } from '../factories/access';
import { createExtranetAccount, createVerification, signedInActor } from '../factories/extranet';

const NEW = 'Hirondelle-Verger-Tambour-84';
const req = { ip: '203.0.113.20', userAgent: 'vitest' };
const useLink = (jeton: string) => resetPasswordWithToken({ jeton, password: NEW, confirm: NEW }, req);
const login = (l: string, p: string) => authenticateExtranet({ login: l, password: p, ip: null, userAgent: null });

describe('a link asked for before the credentials changed', () => {
  it('a reset link does not set a password after staff generated new credentials (envelope)', async () => {
    const { audit } = await staffAudit();
    const { account, tiers, login: identifiant } = await createExtranetAccount();
    const reset = await createVerification(account.id, 'PASSWORD_RESET');
    await generateCredentials(audit, [tiers.id]);
    await expect(useLink(reset)).rejects.toThrow(LINK_INVALID);
    expect((await login(identifiant, NEW)).ok).toBe(false);
    expect(await db.verification.count({ where: { accountId: account.id, type: 'PASSWORD_RESET' } })).toBe(0);
  });

  it('a reset asked for just before an envelope and worked after it sends no link', async () => {
    const { audit } = await staffAudit();
    const { account, tiers, login: identifiant } = await createExtranetAccount();
    await requestPasswordReset({ identifier: identifiant }, null);
    await generateCredentials(audit, [tiers.id]);
    expect(await workResetRequests()).toBe(1);
    expect(await db.verification.count({ where: { accountId: account.id, type: 'PASSWORD_RESET' } })).toBe(0);
    expect(await db.outboxMail.count({ where: { accountId: account.id, type: 'PASSWORD_RESET' } })).toBe(0);
    // A request made after the envelope is served.
    await requestPasswordReset({ identifier: identifiant }, null);
    await workResetRequests();
    expect(await db.outboxMail.count({ where: { accountId: account.id, type: 'PASSWORD_RESET' } })).toBe(1);
  });

  it('a reset link dies with Désinscrire, and stays dead after Inscrire', async () => {
    const { audit } = await staffAudit();
    const { account, tiers } = await createExtranetAccount();
    const reset = await createVerification(account.id, 'PASSWORD_RESET');
    await unenrollAccounts(audit, [tiers.id]);
    await enrollAccounts(audit, [tiers.id]);
    await expect(useLink(reset)).rejects.toThrow(LINK_INVALID);
  });

  it('a reset link dies when the person changes their password in Sécurité', async () => {
    const { account, password } = await createExtranetAccount();
    const reset = await createVerification(account.id, 'PASSWORD_RESET');
    await changeOwnPassword(await signedInActor(account.id), { current: password, password: NEW, confirm: NEW }, null);
    await expect(useLink(reset)).rejects.toThrow(LINK_INVALID);
  });

  it('using a reset link kills the account’s other links (an activation link mailed earlier)', async () => {
    const { account } = await createExtranetAccount();
    const activation = await createVerification(account.id, 'ACTIVATION', new Date(Date.now() + 86_400_000));
    const reset = await createVerification(account.id, 'PASSWORD_RESET');
    await useLink(reset);
    await expect(useLink(activation)).rejects.toThrow(LINK_INVALID);
  });

  it('an activation link from an older envelope dies with the newer envelope', async () => {
    const { audit } = await staffAudit();
    const { account, tiers } = await createExtranetAccount({ password: null });
    const activation = await createVerification(account.id, 'ACTIVATION', new Date(Date.now() + 86_400_000));
    await generateCredentials(audit, [tiers.id]);
    await expect(useLink(activation)).rejects.toThrow(LINK_INVALID);
  });
});

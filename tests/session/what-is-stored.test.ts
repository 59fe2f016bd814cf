// Issue 13 item 13: a password typed into the Identifiant field is never stored: the attempt keeps the text only when
// it has the shape of an identifiant or an e-mail, and throttle keys are hashed.
import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { changeOwnPassword } from '@/server/extranet/change-password';
import { FieldsError } from '@/server/extranet/extranet-action';
import { requestPasswordReset, workResetRequests } from '@/server/extranet/request-password-reset';
import { storableLogin } from '@/server/session/typed-login';
import { authenticateStaff } from '@/server/staff/authenticate-staff';
import { createStaffUser } from '../factories';
import { createExtranetAccount, signedInActor } from '../factories/extranet';
import { findEverywhere } from '../helpers/find-everywhere';

describe('what a sign-in stores of what was typed', () => {
  it('keeps an identifiant or an e-mail, and "saisie non conforme" (null) for anything else', () => {
    expect(storableLogin('martin.k7m2')).toBe('martin.k7m2');
    expect(storableLogin('le-gall.ab12')).toBe('le-gall.ab12');
    expect(storableLogin('claire@agence.fr')).toBe('claire@agence.fr');
    expect(storableLogin('soleil-couchant-2026!')).toBeNull();
    expect(storableLogin('motdepasse')).toBeNull();
  });

  it('a password typed as identifiant is in no column, not even a throttle key', async () => {
    const typed = 'Tournesol-Ardoise-1987!';
    await authenticateExtranet({ login: typed, password: 'x', ip: '203.0.113.60', userAgent: null });
    await authenticateStaff({ login: typed, password: 'x', ip: '203.0.113.60', userAgent: null });
    expect(await findEverywhere(typed.toLowerCase())).toEqual([]);
    expect(await findEverywhere('203.0.113.60')).toEqual(['LoginAttempt.ip']);
    const attempts = await db.loginAttempt.findMany({ where: { ip: '203.0.113.60' }, select: { loginInput: true } });
    expect(attempts).toEqual([{ loginInput: null }, { loginInput: null }]);
    const keys = (await db.throttleBucket.findMany({ select: { key: true } })).map((b) => b.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(/^[a-z-]+:[A-Za-z0-9_-]{43}$/);
  });
});

describe('what "Mot de passe oublié" stores of what was typed', () => {
  it('the queued request holds the entry sealed: a copy of the table reveals nothing typed, the worker still serves it', async () => {
    const { account, login } = await createExtranetAccount();
    const typo = 'Tournesol-Ardoise-Oubli-1987!';
    await requestPasswordReset({ identifier: login }, '203.0.113.62');
    await requestPasswordReset({ identifier: typo }, '203.0.113.62');
    expect(await db.resetRequest.count()).toBe(2);
    expect(await findEverywhere(login)).toEqual(['ExtranetAccount.login']);
    expect(await findEverywhere(typo.toLowerCase())).toEqual([]);
    expect(await workResetRequests()).toBe(2);
    expect(await db.outboxMail.count({ where: { accountId: account.id, type: 'PASSWORD_RESET' } })).toBe(1);
  });
});

describe('"mot de passe actuel" in Sécurité counts against the sign-in throttle', () => {
  it('guesses from one session get the same delays and lock as sign-ins, then the right one is refused too', async () => {
    const { account, password } = await createExtranetAccount();
    const actor = await signedInActor(account.id);
    const messages: string[] = [];
    for (let i = 0; i < 8; i++) {
      const error = await changeOwnPassword(
        actor,
        { current: `devine-${i}`, password: 'Nouveau-Mot-Secret-Lilas-77', confirm: 'Nouveau-Mot-Secret-Lilas-77' },
        '203.0.113.61',
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FieldsError);
      messages.push((error as FieldsError).message);
    }
    expect(messages[0]).toMatch(/^Le mot de passe actuel est incorrect/);
    expect(messages.slice(3).every((m) => m.startsWith('Trop de tentatives'))).toBe(true);
    expect(await db.loginAttempt.count({ where: { accountId: account.id, outcome: 'WRONG_PASSWORD' } })).toBe(3);
    // During the wait, even the right current password and a sign-in are refused.
    await expect(
      changeOwnPassword(
        actor,
        { current: password, password: 'Nouveau-Mot-Secret-Lilas-77', confirm: 'Nouveau-Mot-Secret-Lilas-77' },
        null,
      ),
    ).rejects.toThrow(/Trop de tentatives/);
    expect(await authenticateExtranet({ login: actor.login, password, ip: null, userAgent: null })).toMatchObject({
      ok: false,
    });
  });

  it('a staff e-mail with a password-shaped typo is stored as saisie non conforme for staff too', async () => {
    const staff = await createStaffUser();
    await authenticateStaff({ login: `${staff.email} motdepasse`, password: 'x', ip: null, userAgent: null });
    expect(await db.loginAttempt.findFirst({ orderBy: { id: 'desc' }, select: { loginInput: true } })).toEqual({
      loginInput: null,
    });
  });
});

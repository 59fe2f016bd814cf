import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineStaffAction, executeStaffAction, MESSAGES } from '@/server/auth/staff-action';
import { can, PERMISSIONS } from '@/server/auth/permissions';
import { db } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { authenticateStaff } from '@/server/staff/authenticate-staff';
import { createStaff, disableStaff, resetStaffPassword } from '@/server/staff/manage-staff';
import { createStaffUser } from '../factories';

const signIn = async (email: string, password: string) =>
  (await authenticateStaff({ login: email, password, ip: null, userAgent: null })).ok;

describe('staff accounts', () => {
  it('keeps hashes out of the user row, as argon2id PHC strings with OWASP parameters', async () => {
    const staff = await createStaffUser();
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(Object.keys(row)).not.toContain('hash');
    const { hash } = await db.staffPassword.findUniqueOrThrow({ where: { userId: staff.id } });
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('the CLI ends sessions on password reset and disable (credential version bumped, session rows revoked)', async () => {
    const staff = await createStaffUser();
    await resetStaffPassword(staff.email, 'Another-Password-2026');
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).credentialVersion).toBe(1);
    expect(await signIn(staff.email, staff.password)).toBe(false);
    expect(await signIn(staff.email, 'Another-Password-2026')).toBe(true);
    await disableStaff(staff.email);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).credentialVersion).toBe(2);
    expect(await db.session.count({ where: { staffId: staff.id, revokedAt: null } })).toBe(0);
  });

  it('CLI use cases refuse duplicates and short passwords', async () => {
    await createStaff({ email: 'dup@agence.fr', name: 'Dup', role: 'SUPPORT', password: 'long-enough-password' });
    await expect(
      createStaff({ email: 'DUP@agence.fr', name: 'Dup', role: 'SUPPORT', password: 'long-enough-password' }),
    ).rejects.toThrow(/already exists/);
    await expect(
      createStaff({ email: 'new@agence.fr', name: 'New', role: 'SUPPORT', password: 'short' }),
    ).rejects.toThrow(/12 caractères/);
  });
});

describe('roles and the action wrapper', () => {
  it('maps roles to permissions in one place', () => {
    expect(PERMISSIONS.every((p) => can('ADMIN', p))).toBe(true);
    expect(can('GESTIONNAIRE', 'access:write')).toBe(true);
    expect(can('GESTIONNAIRE', 'settings:write')).toBe(false);
    expect(can('SUPPORT', 'outbox:preview')).toBe(true);
    expect(PERMISSIONS.filter((p) => can('SUPPORT', p)).some((p) => p.endsWith(':write') || p === 'outbox:send')).toBe(
      false,
    );
  });

  const rename = defineStaffAction({
    permission: 'tiers:write',
    input: z.object({ id: z.string().min(1), lastName: z.string().min(1, 'Le nom est obligatoire.') }),
    async run({ input, actor }) {
      if (input.id === 'unknown') throw new NotFoundError('tiers');
      if (input.lastName === 'refuse') throw new UserError('Ce nom est refusé : choisissez-en un autre.');
      return { message: `Renommé par ${actor.name}`, data: input.lastName };
    },
  });

  it('refuses without a session, without the permission, with bad input, and reports outcomes in French', async () => {
    const gestionnaire = await createStaffUser({ role: 'GESTIONNAIRE' });
    const support = await createStaffUser({ role: 'SUPPORT' });
    expect(await executeStaffAction(rename, null, { id: 'a', lastName: 'B' }, null)).toEqual({
      ok: false,
      error: MESSAGES.signedOut,
    });
    expect(await executeStaffAction(rename, support, { id: 'a', lastName: 'B' }, null)).toEqual({
      ok: false,
      error: MESSAGES.forbidden,
    });
    expect(await executeStaffAction(rename, gestionnaire, { id: 'a', lastName: '' }, null)).toEqual({
      ok: false,
      error: MESSAGES.invalid,
      fieldErrors: { lastName: ['Le nom est obligatoire.'] },
    });
    expect(await executeStaffAction(rename, gestionnaire, { id: 'unknown', lastName: 'B' }, null)).toEqual({
      ok: false,
      error: MESSAGES.notFound,
    });
    expect(await executeStaffAction(rename, gestionnaire, { id: 'a', lastName: 'refuse' }, null)).toEqual({
      ok: false,
      error: 'Ce nom est refusé : choisissez-en un autre.',
    });
    const form = new FormData();
    form.set('id', 'a');
    form.set('lastName', 'Dupont');
    expect(await executeStaffAction(rename, gestionnaire, form, null)).toEqual({
      ok: true,
      message: `Renommé par ${gestionnaire.name}`,
      data: 'Dupont',
    });
  });
});

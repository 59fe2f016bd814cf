import 'server-only';
import { z } from 'zod';
import type { StaffRole } from '@/generated/prisma/enums';
import { recordEvent, type Actor } from '@/server/journal/record-event';
import { hashPassword } from '@/server/session/password';
import { db, type Tx } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { revokeSessions } from '@/server/session/sessions';
import { lockActiveAdmins } from './staff.sql';

export const ZStaffEmail = z.email('Adresse e-mail invalide.').transform((v) => v.trim().toLowerCase());
export const ZStaffPassword = z.string().min(12, 'Le mot de passe doit contenir au moins 12 caractères.');

export class StaffError extends Error {}

export const LAST_ADMIN =
  "C'est le dernier administrateur actif : nommez d'abord un autre administrateur, puis recommencez.";

export async function createStaff(
  input: { email: string; name: string; role: StaffRole; password: string },
  actor: Actor = { type: 'SYSTEM' },
): Promise<{ id: string }> {
  const email = ZStaffEmail.parse(input.email);
  ZStaffPassword.parse(input.password);
  const hash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.staffUser.findUnique({ where: { email }, select: { id: true } })) {
      throw new StaffError(`A staff account already exists for ${email}.`);
    }
    const user = await tx.staffUser.create({
      data: { email, name: input.name, role: input.role, password: { create: { hash } } },
      select: { id: true },
    });
    await recordEvent(tx, actor, {
      type: 'staff.created',
      targetId: user.id,
      details: { email, role: input.role },
    });
    return user;
  });
}

/** Sets a new password and ends the person's open sessions. */
export async function resetStaffPassword(
  email: string,
  password: string,
  actor: Actor = { type: 'SYSTEM' },
): Promise<void> {
  ZStaffPassword.parse(password);
  const hash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await findOrFail(tx, email);
    await tx.staffUser.update({
      where: { id: user.id },
      data: {
        credentialVersion: { increment: 1 },
        disabledAt: null,
        invitedAt: null,
        failedLoginCount: 0,
        lockedUntil: null,
        password: { upsert: { create: { hash }, update: { hash } } },
      },
    });
    await revokeSessions(tx, { staffId: user.id }, 'password');
    await recordEvent(tx, actor, { type: 'staff.password_reset', targetId: user.id });
  });
}

/** Disables the account; its sessions end at once. The last active ADMIN is refused, as in Paramètres → Équipe. */
export async function disableStaff(email: string, actor: Actor = { type: 'SYSTEM' }): Promise<void> {
  await db.$transaction(async (tx) => disableStaffMember(tx, actor, (await findOrFail(tx, email)).id));
}

async function findOrFail(tx: Tx, email: string) {
  const user = await tx.staffUser.findUnique({ where: { email: ZStaffEmail.parse(email) }, select: { id: true } });
  if (!user) throw new StaffError(`No staff account for ${email}.`);
  return user;
}

/** Disables a staff account; its sessions end at once. Shared by Équipe and the staff CLI. */
export async function disableStaffMember(tx: Tx, actor: Actor, staffId: string): Promise<{ name: string }> {
  const staff = await findMember(tx, staffId);
  if (staff.disabledAt) throw new UserError(`${staff.name} est déjà désactivé.`);
  if (staff.role === 'ADMIN') await assertAnotherAdmin(tx, staff.id);
  await tx.staffUser.update({
    where: { id: staff.id },
    data: { disabledAt: new Date(), credentialVersion: { increment: 1 } },
  });
  const sessions = await revokeSessions(tx, { staffId: staff.id }, 'disabled');
  await recordEvent(tx, actor, {
    type: 'staff.disabled',
    targetId: staff.id,
    details: { sessions },
  });
  return staff;
}

/** Locks the active ADMIN rows, so that two changes at once cannot remove the last two administrators. */
export async function assertAnotherAdmin(tx: Tx, staffId: string): Promise<void> {
  const admins = await lockActiveAdmins(tx);
  if (!admins.some((a) => a.id !== staffId)) throw new UserError(LAST_ADMIN);
}

export async function findMember(tx: Tx, staffId: string) {
  const staff = await tx.staffUser.findUnique({
    where: { id: staffId },
    select: { id: true, name: true, email: true, role: true, disabledAt: true, lockedUntil: true },
  });
  if (!staff) throw new NotFoundError('staff');
  return staff;
}

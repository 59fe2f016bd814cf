import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { StaffRole } from '@/generated/prisma/enums';
import { recordEvent, type Actor } from '@/server/journal/record-event';
import { hashPassword } from '@/server/session/password';
import { ROLE_LABELS } from '@/server/auth/permissions';
import { defineStaffAction } from '@/server/auth/staff-action';
import { assertAnotherAdmin, disableStaffMember, findMember, LAST_ADMIN } from './manage-staff';
import { db, type Tx } from '@/server/db';
import { UserError } from '@/server/errors';
import { assertAcceptablePassword, ZNewPassword } from '@/server/extranet/change-password';
import { OPEN_SESSION_WHERE, revokeSessions } from '@/server/session/sessions';
import { queueStaffMail, staffLinkUrl } from './staff-mail';

// Paramètres → Équipe (ADMIN): the staff list and every change to it, each journaled in its own transaction.

const INVITATION_DAYS = 7;
const RESET_MINUTES = 60;
const ZRole = z.enum(['ADMIN', 'GESTIONNAIRE', 'SUPPORT'], { error: 'Choisissez un rôle.' });
const ZStaffId = z.object({ staffId: z.string().min(1).max(64) });

export type TeamMember = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  lastLoginAt: Date | null;
  disabledAt: Date | null;
  invitedAt: Date | null;
  lockedUntil: Date | null;
  activeSessions: number;
};

export async function listTeam(): Promise<TeamMember[]> {
  const now = new Date();
  const rows = await db.staffUser.findMany({
    orderBy: [{ disabledAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      lastLoginAt: true,
      disabledAt: true,
      invitedAt: true,
      lockedUntil: true,
      _count: { select: { sessions: { where: OPEN_SESSION_WHERE() } } },
    },
  });
  return rows.map(({ _count, lockedUntil, ...row }) => ({
    ...row,
    lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil : null,
    activeSessions: _count.sessions,
  }));
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new single-use link for a staff member (the previous one of the same type dies), mailed through the outbox. */
async function sendStaffLink(
  tx: Tx,
  staff: { id: string; email: string; name: string },
  type: 'ACTIVATION' | 'PASSWORD_RESET',
  createdById: string | null,
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(
    now.getTime() + (type === 'ACTIVATION' ? INVITATION_DAYS * 86_400_000 : RESET_MINUTES * 60_000),
  );
  await tx.staffToken.upsert({
    where: { type_staffId: { type, staffId: staff.id } },
    create: { type, staffId: staff.id, tokenHash: tokenHash(token), expiresAt },
    update: { tokenHash: tokenHash(token), expiresAt, usedAt: null, createdAt: now },
  });
  const invitation = type === 'ACTIVATION';
  await queueStaffMail(tx, {
    staffId: staff.id,
    to: staff.email,
    toName: staff.name,
    subject: invitation ? 'Votre accès au back office Trousseau' : 'Choisir un nouveau mot de passe – Trousseau',
    paragraphs: [
      `Bonjour ${staff.name},`,
      invitation
        ? `Un compte vous a été ouvert sur le back office de l'agence. Choisissez votre mot de passe avec le lien ci-dessous (valable ${INVITATION_DAYS} jours, une seule fois), puis connectez-vous avec votre adresse e-mail.`
        : `Un administrateur vous envoie un lien pour choisir un nouveau mot de passe (valable ${RESET_MINUTES} minutes, une seule fois). Vos sessions ouvertes prendront fin quand vous l'aurez choisi.`,
      "Si vous n'attendiez pas ce message, ignorez-le et prévenez l'administrateur de l'agence.",
    ],
    link: {
      label: invitation ? 'Choisir mon mot de passe' : 'Choisir un nouveau mot de passe',
      secret: staffLinkUrl(token),
      createdAt: now,
      expiresAt,
    },
    createdById,
  });
}

export const ZInvitation = z.object({
  name: z.string().trim().min(1, 'Saisissez le nom de la personne.').max(120, 'Le nom fait au plus 120 caractères.'),
  email: z
    .email('Saisissez une adresse e-mail valide, par exemple prenom.nom@agence.fr.')
    .max(320)
    .transform((v) => v.trim().toLowerCase()),
  role: ZRole,
});

export const inviteStaff = defineStaffAction({
  permission: 'staff:manage',
  input: ZInvitation,
  async run({ input, audit }) {
    await db.$transaction(async (tx) => {
      if (await tx.staffUser.findUnique({ where: { email: input.email }, select: { id: true } }))
        throw new UserError(`Un compte existe déjà pour ${input.email} : retrouvez-le dans la liste.`);
      const staff = await tx.staffUser.create({
        data: { email: input.email, name: input.name, role: input.role, invitedAt: new Date() },
        select: { id: true, email: true, name: true },
      });
      await sendStaffLink(tx, staff, 'ACTIVATION', audit.type === 'STAFF' ? audit.staffId : null);
      await recordEvent(tx, audit, {
        type: 'staff.invited',
        targetId: staff.id,
        details: { email: input.email, role: input.role },
      });
    });
    return {
      message: `Invitation envoyée à ${input.email} : la personne choisira son mot de passe avec le lien reçu.`,
    };
  },
});

export const changeStaffRole = defineStaffAction({
  permission: 'staff:manage',
  input: ZStaffId.extend({ role: ZRole }),
  async run({ input, audit }) {
    const name = await db.$transaction(async (tx) => {
      const staff = await findMember(tx, input.staffId);
      if (staff.role === input.role) throw new UserError(`${staff.name} a déjà le rôle ${ROLE_LABELS[input.role]}.`);
      if (staff.role === 'ADMIN') await assertAnotherAdmin(tx, staff.id);
      // A new role means new permissions: the person signs in again.
      await tx.staffUser.update({
        where: { id: staff.id },
        data: { role: input.role, credentialVersion: { increment: 1 } },
      });
      const sessions = await revokeSessions(tx, { staffId: staff.id }, 'role');
      await recordEvent(tx, audit, {
        type: 'staff.role_changed',
        targetId: staff.id,
        details: { before: staff.role, after: input.role, sessions },
      });
      return staff.name;
    });
    return { message: `${name} est maintenant ${ROLE_LABELS[input.role]} ; ses sessions ont pris fin.` };
  },
});

export const disableStaff = defineStaffAction({
  permission: 'staff:manage',
  input: ZStaffId,
  async run({ input, audit }) {
    const { name } = await db.$transaction((tx) => disableStaffMember(tx, audit, input.staffId));
    return { message: `${name} est désactivé : ses sessions ont pris fin.` };
  },
});

export const enableStaff = defineStaffAction({
  permission: 'staff:manage',
  input: ZStaffId,
  async run({ input, audit }) {
    const name = await db.$transaction(async (tx) => {
      const staff = await findMember(tx, input.staffId);
      if (!staff.disabledAt) throw new UserError(`${staff.name} est déjà actif.`);
      await tx.staffUser.update({ where: { id: staff.id }, data: { disabledAt: null } });
      await recordEvent(tx, audit, { type: 'staff.enabled', targetId: staff.id });
      return staff.name;
    });
    return { message: `${name} est réactivé : il peut se reconnecter avec son mot de passe.` };
  },
});

export const sendStaffReset = defineStaffAction({
  permission: 'staff:manage',
  input: ZStaffId,
  async run({ input, audit }) {
    const staff = await db.$transaction(async (tx) => {
      const staff = await findMember(tx, input.staffId);
      if (staff.disabledAt) throw new UserError(`${staff.name} est désactivé : réactivez-le d'abord.`);
      await sendStaffLink(tx, staff, 'PASSWORD_RESET', audit.type === 'STAFF' ? audit.staffId : null);
      await recordEvent(tx, audit, { type: 'staff.reset_link_sent', targetId: staff.id });
      return staff;
    });
    return { message: `Lien de réinitialisation envoyé à ${staff.email} (valable ${RESET_MINUTES} minutes).` };
  },
});

/** Ends every session of a staff member ("Terminer ses sessions", "Se déconnecter partout"). */
export async function endAllStaffSessions(actor: Actor, staffId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const sessions = await revokeSessions(tx, { staffId }, 'staff');
    await recordEvent(tx, actor, {
      type: 'staff.sessions_ended',
      targetId: staffId,
      details: { sessions },
    });
    return sessions;
  });
}

export const endStaffSessions = defineStaffAction({
  permission: 'staff:manage',
  input: ZStaffId,
  async run({ input, audit }) {
    const staff = await findMember(db, input.staffId);
    const count = await endAllStaffSessions(audit, staff.id);
    return { message: `${count} session${count > 1 ? 's' : ''} de ${staff.name} terminée${count > 1 ? 's' : ''}.` };
  },
});

export const unlockStaff = defineStaffAction({
  permission: 'staff:manage',
  input: ZStaffId,
  async run({ input, audit }) {
    const name = await db.$transaction(async (tx) => {
      const staff = await findMember(tx, input.staffId);
      if (!staff.lockedUntil || staff.lockedUntil <= new Date())
        throw new UserError(`Le compte de ${staff.name} n'est pas verrouillé : rien à déverrouiller.`);
      await tx.staffUser.update({ where: { id: staff.id }, data: { lockedUntil: null, failedLoginCount: 0 } });
      await recordEvent(tx, audit, { type: 'staff.unlocked', targetId: staff.id });
      return staff.name;
    });
    return { message: `Compte de ${name} déverrouillé : il peut se reconnecter.` };
  },
});

export const ZStaffLinkPassword = ZNewPassword.extend({ jeton: z.string().min(1).max(200) });

export const STAFF_LINK_INVALID =
  "Ce lien n'est plus valable (déjà utilisé, expiré ou remplacé par un plus récent). Demandez-en un nouveau à un administrateur de l'agence.";

/** What the activation page shows before the password is chosen; null when the link is not usable. */
export async function findStaffLink(token: string) {
  const link = await db.staffToken.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: {
      id: true,
      type: true,
      usedAt: true,
      expiresAt: true,
      staff: { select: { id: true, email: true, name: true, disabledAt: true } },
    },
  });
  if (!link || link.usedAt || link.expiresAt <= new Date() || link.staff.disabledAt) return null;
  return link;
}

/**
 * From an invitation or reset link: the staff member chooses a password (the extranet's policy), the link is spent
 * atomically, every other session ends. The person then signs in on the sign-in page.
 */
export async function setStaffPasswordFromLink(
  input: z.output<typeof ZStaffLinkPassword>,
  ip: string | null,
): Promise<{ email: string }> {
  const link = await findStaffLink(input.jeton);
  if (!link) throw new UserError(STAFF_LINK_INVALID);
  assertAcceptablePassword(input, {
    login: link.staff.email,
    names: [link.staff.name, link.staff.email.split('@')[0]],
  });
  const hash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const spent = await tx.staffToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) throw new UserError(STAFF_LINK_INVALID);
    await tx.staffUser.update({
      where: { id: link.staff.id },
      data: {
        invitedAt: null,
        failedLoginCount: 0,
        lockedUntil: null,
        credentialVersion: { increment: 1 },
        password: { upsert: { create: { hash }, update: { hash } } },
      },
    });
    await tx.staffToken.deleteMany({ where: { staffId: link.staff.id, id: { not: link.id } } });
    await revokeSessions(tx, { staffId: link.staff.id }, 'password');
    await recordEvent(
      tx,
      { type: 'STAFF', staffId: link.staff.id, ip },
      {
        type: 'staff.password_set',
        targetId: link.staff.id,
        details: { via: link.type === 'ACTIVATION' ? 'invitation' : 'reset' },
      },
    );
  });
  return { email: link.staff.email };
}

export { LAST_ADMIN };

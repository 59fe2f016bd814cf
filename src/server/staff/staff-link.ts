import 'server-only';
import { hashToken, newToken } from '@/server/crypto/token';
import { db, type Tx } from '@/server/db';
import { queueStaffMail, staffLinkUrl } from './staff-mail';

export const INVITATION_DAYS = 7;
export const RESET_MINUTES = 60;

/** A new single-use link for a staff member (the previous one of the same type dies), mailed through the outbox. */
export async function sendStaffLink(
  tx: Tx,
  staff: { id: string; email: string; name: string },
  type: 'ACTIVATION' | 'PASSWORD_RESET',
  createdById: string | null,
): Promise<void> {
  const { token, tokenHash } = newToken();
  const now = new Date();
  const expiresAt = new Date(
    now.getTime() + (type === 'ACTIVATION' ? INVITATION_DAYS * 86_400_000 : RESET_MINUTES * 60_000),
  );
  await tx.staffToken.upsert({
    where: { type_staffId: { type, staffId: staff.id } },
    create: { type, staffId: staff.id, tokenHash, expiresAt },
    update: { tokenHash, expiresAt, usedAt: null, createdAt: now },
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

export const STAFF_LINK_INVALID =
  "Ce lien n'est plus valable (déjà utilisé, expiré ou remplacé par un plus récent). Demandez-en un nouveau à un administrateur de l'agence.";

/** What the activation page shows before the password is chosen; null when the link is not usable. */
export async function findStaffLink(token: string) {
  const link = await db.staffToken.findUnique({
    where: { tokenHash: hashToken(token) },
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

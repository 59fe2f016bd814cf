import type { MailStatus, MailType } from '@/generated/prisma/enums';

// French names shown in the centre d'envoi, by server pages and client components alike.

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  PENDING_REVIEW: 'À vérifier',
  SENDING: "En cours d'envoi",
  SENT: 'Envoyé',
  FAILED: 'Échec',
  CANCELLED: 'Annulé',
  REPLACED: 'Remplacé',
  BOUNCED: 'Rejeté',
  COMPLAINED: 'Signalé comme spam',
  TO_PRINT: 'À imprimer',
  PRINTED: 'Imprimé',
};

export const MAIL_TYPE_LABELS: Record<MailType, string> = {
  CREDENTIALS: 'Identifiants (mot de passe provisoire)',
  ACTIVATION_LINK: "Lien d'activation",
  PASSWORD_RESET: 'Mot de passe oublié',
  PASSWORD_CHANGED: 'Mot de passe modifié',
  EMAIL_CHANGE_NOTICE: "Changement d'adresse (avis à l'ancienne)",
  EMAIL_CHANGE_CONFIRM: "Changement d'adresse (lien de confirmation)",
  STAFF_NOTICE: "Message à l'équipe",
  REMINDER: 'Relance (identifiants non utilisés)',
};

export const MAIL_STATUSES = Object.keys(MAIL_STATUS_LABELS) as MailStatus[];
export const MAIL_TYPES = Object.keys(MAIL_TYPE_LABELS) as MailType[];

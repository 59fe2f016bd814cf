import 'server-only';

// The journal's catalogue: every event type the app writes, its French label, and the one kind of row its targetId
// points at. recordEvent takes its type from here and derives the target type from it, so an event is written one
// way only (docs/decisions/050). Imports nothing: the journal is a low floor that every domain writes through.

/** What an event's targetId points at: the Prisma model of that row, spelled as the model is. */
export const TARGET_TYPES = [
  'Tiers',
  'ExtranetAccount',
  'Session',
  'OutboxMail',
  'StaffUser',
  'ContactMessage',
  'SpaceViewGrant',
  'Property',
  'Lease',
  'Document',
  'AgencySettings',
  'MailTemplate',
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** The journal's "Cible" filter shows these. */
export const TARGET_LABELS: Record<TargetType, string> = {
  Tiers: 'Tiers',
  ExtranetAccount: 'Accès extranet',
  Session: 'Session',
  OutboxMail: 'Mail ou lettre',
  StaffUser: 'Membre de l’équipe',
  ContactMessage: 'Message à l’agence',
  SpaceViewGrant: 'Consultation d’un espace',
  Property: 'Bien',
  Lease: 'Bail',
  Document: 'Document',
  AgencySettings: 'Paramètres de l’agence',
  MailTemplate: 'Modèle de mail',
};

type EventSpec = { label: string; target: TargetType | null };

export const EVENTS = {
  'staff.login': { label: 'Connexion agence', target: 'Session' },
  'staff.created': { label: 'Compte agence créé', target: 'StaffUser' },
  'staff.password_reset': { label: 'Mot de passe agence réinitialisé', target: 'StaffUser' },
  'staff.disabled': { label: 'Compte agence désactivé', target: 'StaffUser' },
  'staff.invited': { label: 'Membre de l’équipe invité', target: 'StaffUser' },
  'staff.enabled': { label: 'Compte agence réactivé', target: 'StaffUser' },
  'staff.role_changed': { label: 'Rôle modifié', target: 'StaffUser' },
  'staff.reset_link_sent': { label: 'Lien de réinitialisation envoyé (équipe)', target: 'StaffUser' },
  'staff.password_set': { label: 'Mot de passe agence choisi (lien)', target: 'StaffUser' },
  'staff.sessions_ended': { label: 'Sessions agence terminées', target: 'StaffUser' },
  'staff.locked': { label: 'Verrouillage temporaire (compte agence)', target: 'StaffUser' },
  'staff.unlocked': { label: 'Compte agence déverrouillé', target: 'StaffUser' },
  'access.enrolled': { label: 'Inscription', target: 'ExtranetAccount' },
  'access.unenrolled': { label: 'Désinscription', target: 'ExtranetAccount' },
  'access.credentials_generated': { label: 'Identifiants générés', target: 'ExtranetAccount' },
  'access.unlocked': { label: 'Déverrouillage', target: 'ExtranetAccount' },
  'access.locked': { label: 'Verrouillage temporaire', target: 'ExtranetAccount' },
  'access.reminder_queued': { label: 'Relance préparée (identifiants non utilisés)', target: 'OutboxMail' },
  'mail.previewed': { label: 'Mail consulté (aperçu)', target: 'OutboxMail' },
  // The staff member's "Envoyer" (decision 020): delivery itself is on the mail's row, not in the journal.
  'mail.sent': { label: 'Mail envoyé', target: 'OutboxMail' },
  'mail.failed': { label: "Échec d'envoi", target: 'OutboxMail' },
  'mail.cancelled': { label: 'Mail annulé', target: 'OutboxMail' },
  'mail.replaced': { label: 'Mail remplacé (identifiants ou lien plus récents)', target: 'OutboxMail' },
  'mail.retried': { label: 'Nouvel essai d’envoi', target: 'OutboxMail' },
  'mail.bounced': { label: 'Mail rejeté (adresse inexistante ou blocage)', target: 'OutboxMail' },
  'mail.complained': { label: 'Mail signalé comme spam', target: 'OutboxMail' },
  'letter.printed': { label: 'Lettre d’identifiants imprimée', target: 'OutboxMail' },
  'extranet.login': { label: 'Connexion extranet', target: 'Session' },
  'extranet.password_changed': { label: 'Mot de passe modifié', target: 'ExtranetAccount' },
  'extranet.reset_requested': { label: 'Mot de passe oublié (demande)', target: 'ExtranetAccount' },
  'extranet.contact_changed': { label: 'Coordonnées modifiées par la personne', target: 'Tiers' },
  'extranet.email_change_requested': {
    label: 'Changement d’e-mail demandé par la personne (lien de confirmation envoyé)',
    target: 'Tiers',
  },
  'extranet.email_change_cancelled': {
    label: 'Changement d’e-mail en attente annulé (e-mail modifié par l’agence)',
    target: 'Tiers',
  },
  'extranet.signed_out_everywhere': { label: 'Déconnexion de tous les appareils', target: 'ExtranetAccount' },
  'extranet.message_sent': { label: "Message à l'agence", target: 'ContactMessage' },
  'extranet.space_viewed': { label: 'Espace consulté par l’agence (lecture seule)', target: 'SpaceViewGrant' },
  'tiers.created': { label: 'Tiers créé', target: 'Tiers' },
  'tiers.updated': { label: 'Tiers modifié', target: 'Tiers' },
  'tiers.email_changed': { label: 'E-mail modifié', target: 'Tiers' },
  'tiers.archived': { label: 'Tiers archivé', target: 'Tiers' },
  'tiers.unarchived': { label: 'Tiers désarchivé', target: 'Tiers' },
  'document.uploaded': { label: 'Document ajouté', target: 'Document' },
  'document.visibility_changed': { label: "Visibilité d'un document modifiée", target: 'Document' },
  'document.deleted': { label: 'Document supprimé', target: 'Document' },
  // An import is no row: its kind and counts are in the details.
  'import.completed': { label: 'Import CSV', target: null },
  'settings.updated': { label: 'Paramètres modifiés', target: 'AgencySettings' },
  'settings.mail_identity_updated': { label: "Identité de l'agence modifiée", target: 'AgencySettings' },
  'settings.mail_template_updated': { label: 'Modèle de mail modifié', target: 'MailTemplate' },
  'settings.mail_template_reset': { label: 'Modèle de mail rétabli', target: 'MailTemplate' },
  'property.created': { label: 'Bien créé', target: 'Property' },
  'property.updated': { label: 'Bien modifié', target: 'Property' },
  'lease.created': { label: 'Bail créé', target: 'Lease' },
  'lease.updated': { label: 'Bail modifié', target: 'Lease' },
  'assistance.assigned': { label: 'Message assigné', target: 'ContactMessage' },
  'assistance.handled': { label: 'Message traité', target: 'ContactMessage' },
} as const satisfies Record<string, EventSpec>;

export type EventType = keyof typeof EVENTS;

/** Types no code writes any more that older journals hold: shown with their label, never written. */
const RETIRED_LABELS: Record<string, string> = {
  'staff.login_failed': 'Échec de connexion agence', // written before decision 036
};

export const isEventType = (type: string): type is EventType => Object.hasOwn(EVENTS, type);

/** The target type an event of this type is written with (null: the event points at no row). */
export function targetTypeOf(type: EventType): TargetType | null {
  if (!isEventType(type)) throw new Error(`Journal event type not in the catalogue: ${String(type)}`);
  return (EVENTS[type] as EventSpec).target;
}

/** The French label of a type; an unknown one shows as is, so that no event is ever hidden. */
export function eventLabel(type: string): string {
  return isEventType(type) ? EVENTS[type].label : (RETIRED_LABELS[type] ?? type);
}

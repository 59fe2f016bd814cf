// Client-safe words of the "Statut d'accès", the one source every screen reads (list, filter, diagnostic, home).

export type AccessStatus =
  'NOT_ENROLLED' | 'CREDENTIALS_TO_SEND' | 'CREDENTIALS_SENT' | 'ACTIVE' | 'LOCKED' | 'UNENROLLED';

/** In the order of a person's life: the order of the filter. */
export const ACCESS_STATUSES: readonly AccessStatus[] = [
  'NOT_ENROLLED',
  'CREDENTIALS_TO_SEND',
  'CREDENTIALS_SENT',
  'ACTIVE',
  'LOCKED',
  'UNENROLLED',
];

/** The "Statut d'accès" column, word for word (docs/decisions/010-access-status-counts-the-current-enrolment.md). */
export const ACCESS_STATUS_LABELS: Record<AccessStatus, string> = {
  NOT_ENROLLED: 'Non inscrit',
  CREDENTIALS_TO_SEND: 'Inscrit – identifiants à envoyer',
  CREDENTIALS_SENT: 'Identifiants envoyés',
  ACTIVE: 'Actif',
  LOCKED: 'Verrouillé temporairement',
  UNENROLLED: 'Désinscrit',
};

/** The `statut` parameter of Gestion des accès: French words in the URL (a link from the home page reads well). */
export const ACCESS_STATUS_SLUGS: Record<AccessStatus, string> = {
  NOT_ENROLLED: 'non-inscrit',
  CREDENTIALS_TO_SEND: 'a-envoyer',
  CREDENTIALS_SENT: 'envoyes',
  ACTIVE: 'actif',
  LOCKED: 'verrouille',
  UNENROLLED: 'desinscrit',
};

export function statusFromSlug(slug: string | undefined): AccessStatus | null {
  return ACCESS_STATUSES.find((s) => ACCESS_STATUS_SLUGS[s] === slug) ?? null;
}

/** Whether the envelope / Désinscrire can apply: the account is enrolled (whatever it became since). */
export const isEnrolledStatus = (s: AccessStatus) => s !== 'NOT_ENROLLED' && s !== 'UNENROLLED';

import type { ActionResult } from '@/shared/action-result';
import { isEnrolledStatus } from '@/shared/access/access-status-labels';
import { enroll, generateCredentials, generateLetters, remind, unenroll } from '../actions';
import type { Selected } from './store';
import { countLabel } from '@/shared/plural';

export type ActionData = { jobId?: string; mailId?: string } | undefined;

/**
 * One button of the selection toolbar. Another action (e.g. « Relancer ») is one more entry in TOOLBAR_ACTIONS:
 * its words, when it cannot apply to the selection (a French reason, or null), and the server action it calls.
 */
export type ToolbarAction = {
  key: string;
  /** The visible label, which is also the accessible name (WCAG 2.5.3). */
  label: string;
  icon?: React.ReactNode;
  tone: 'danger' | 'neutral' | 'primary';
  /** Why it cannot apply to these people, or null. `[mots](/gestion/…)` becomes a link. */
  unavailable: (people: Selected[]) => string | null;
  /** Asks first, naming the people (Désinscrire). */
  confirm?: { title: (n: number) => string; body: string; button: string };
  run: (input: { ids: string[] }) => Promise<ActionResult<ActionData>>;
};

function firstNames(people: Selected[], max = 3): string {
  const names = people.slice(0, max).map((p) => p.name);
  return people.length > max ? `${names.join(', ')} et ${people.length - max} autre(s)` : names.join(', ');
}

export const EnvelopeIcon = () => (
  <svg
    aria-hidden="true"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="m3 7 9 6 9-6" />
  </svg>
);

export const TOOLBAR_ACTIONS: ToolbarAction[] = [
  {
    key: 'unenroll',
    label: 'Désinscrire',
    tone: 'danger',
    unavailable: (people) =>
      people.some((p) => isEnrolledStatus(p.status))
        ? null
        : "Personne dans la sélection n'a d'accès à désinscrire (non inscrit ou déjà désinscrit).",
    confirm: {
      title: (n) => `Désinscrire ${n.toLocaleString('fr-FR')} accès ?`,
      body: "Leurs identifiants cessent de fonctionner tout de suite, leurs sessions ouvertes sont fermées et les mails d'identifiants non envoyés sont annulés. Vous pourrez les inscrire à nouveau ensuite.",
      button: 'Confirmer la désinscription',
    },
    run: unenroll,
  },
  {
    key: 'enroll',
    label: 'Inscrire',
    tone: 'neutral',
    unavailable: (people) =>
      people.some((p) => !isEnrolledStatus(p.status))
        ? null
        : 'Tout le monde dans la sélection est déjà inscrit : pour de nouveaux identifiants, utilisez « Générer les identifiants ».',
    run: enroll,
  },
  {
    key: 'envelope',
    label: 'Générer les identifiants',
    icon: <EnvelopeIcon />,
    tone: 'primary',
    unavailable(people) {
      const notEnrolled = people.filter((p) => !isEnrolledStatus(p.status));
      if (notEnrolled.length)
        return `${firstNames(notEnrolled)} ${notEnrolled.length > 1 ? 'ne sont pas inscrits' : "n'est pas inscrit(e)"} : cliquez d'abord sur « Inscrire », ou retirez-${notEnrolled.length > 1 ? 'les' : 'le'} de la sélection.`;
      const noEmail = people.filter((p) => !p.hasEmail);
      if (noEmail.length)
        return `${countLabel(noEmail.length, 'personne sélectionnée', 'personnes sélectionnées')} sans adresse e-mail (${noEmail
          .slice(0, 3)
          .map((p) => `[${p.name}](/gestion/tiers/${p.id})`)
          .join(
            ', ',
          )}${noEmail.length > 3 ? '…' : ''}) : ajoutez l'adresse dans la fiche tiers, utilisez « Générer la lettre d'identifiants », ou retirez la personne de la sélection.`;
      return null;
    },
    run: generateCredentials,
  },
  {
    // The envelope's credentials as a printable letter (docs/decisions/025): for people without a usable address.
    key: 'letter',
    label: "Générer la lettre d'identifiants",
    tone: 'neutral',
    unavailable(people) {
      const notEnrolled = people.filter((p) => !isEnrolledStatus(p.status));
      return notEnrolled.length
        ? `${firstNames(notEnrolled)} ${notEnrolled.length > 1 ? 'ne sont pas inscrits' : "n'est pas inscrit(e)"} : cliquez d'abord sur « Inscrire », ou retirez-${notEnrolled.length > 1 ? 'les' : 'le'} de la sélection.`
        : null;
    },
    run: generateLetters,
  },
  {
    // "Relancer" (docs/decisions/027): a reminder while the temporary password is valid, new credentials once expired.
    key: 'remind',
    label: 'Relancer',
    tone: 'neutral',
    unavailable: (people) =>
      people.some((p) => p.status === 'CREDENTIALS_SENT')
        ? null
        : "Personne dans la sélection n'attend d'activer son accès (statut « Identifiants envoyés ») : il n'y a personne à relancer.",
    run: remind,
  },
];

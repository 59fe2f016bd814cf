// Every sentence an extranet visitor may read after a failure. One place, so a test can assert them and no
// message ever says more than it should (whether an identifiant exists, for instance).

export const LOGIN_FAILED =
  'Identifiant ou mot de passe incorrect. Vérifiez la saisie (majuscules, chiffres) et réessayez.';
export const TEMPORARY_PASSWORD_EXPIRED =
  "Votre mot de passe provisoire a expiré. Contactez l'agence pour recevoir de nouveaux identifiants.";
export const RESET_REQUESTED =
  'Si un espace correspond à ces informations, un e-mail avec un lien pour choisir un nouveau mot de passe vient de partir. Le lien est valable 30 minutes. Pensez à regarder dans les courriers indésirables.';
export const LINK_INVALID =
  "Ce lien n'est plus valable (déjà utilisé ou expiré). Demandez un nouveau lien avec « Mot de passe oublié ? ».";

const parisTime = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const parisDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** "Réessayez à partir de 14:32." — said the same way whether or not the identifiant exists. */
export function tryAgainAt(until: Date, now = new Date()): string {
  const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
  if (seconds <= 90) return `Trop de tentatives : patientez ${Math.max(seconds, 1)} secondes avant de réessayer.`;
  const sameDay = parisDay.format(until) === parisDay.format(now);
  return `Trop de tentatives : par sécurité, la connexion est bloquée. Réessayez à partir de ${parisTime.format(until)}${sameDay ? '' : ` le ${parisDay.format(until)}`}.`;
}

export function tooManyResetRequests(until: Date): string {
  return `Trop de demandes : réessayez à partir de ${parisTime.format(until)}.`;
}

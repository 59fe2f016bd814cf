// Every sentence an extranet visitor may read after a failure. One place, so a test can assert them and no
// message ever says more than it should (whether an identifiant exists, for instance).

// The sign-in's sentences are shared with the back office (src/server/session/messages.ts).
export { LOGIN_FAILED, TEMPORARY_PASSWORD_EXPIRED, tryAgainAt } from '@/server/session/messages';
import { formatTime } from '@/shared/dates';

export const RESET_REQUESTED =
  'Si un espace correspond à ces informations, un e-mail avec un lien pour choisir un nouveau mot de passe vient de partir. Le lien est valable 30 minutes. Pensez à regarder dans les courriers indésirables.';
export const LINK_INVALID =
  "Ce lien n'est plus valable (déjà utilisé ou expiré). Demandez un nouveau lien avec « Mot de passe oublié ? ».";

export function tooManyResetRequests(until: Date): string {
  return `Trop de demandes : réessayez à partir de ${formatTime(until)}.`;
}

export const EMAIL_LINK_INVALID =
  "Ce lien de confirmation n'est plus valable (déjà utilisé, expiré ou remplacé par une demande plus récente). Connectez-vous et saisissez à nouveau votre nouvelle adresse dans « Mes coordonnées ».";

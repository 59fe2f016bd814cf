// Every sentence a person may read after a refused sign-in, staff or extranet. One place, so that a test can assert
// them and no message says more than it should (whether a login exists, for instance).
import { formatLongDay, formatTime } from '@/shared/dates';

export const LOGIN_FAILED =
  'Identifiant ou mot de passe incorrect. Vérifiez la saisie (majuscules, chiffres) et réessayez.';
export const STAFF_LOGIN_FAILED =
  'Adresse e-mail ou mot de passe incorrect. Vérifiez la saisie (majuscules, chiffres) et réessayez.';
export const TEMPORARY_PASSWORD_EXPIRED =
  "Votre mot de passe provisoire a expiré. Contactez l'agence pour recevoir de nouveaux identifiants.";
/** The database cannot be reached: never reported as a wrong password. */
export const SERVICE_UNAVAILABLE = 'Service momentanément indisponible, réessayez dans un instant.';
/** Seconds a client should wait after SERVICE_UNAVAILABLE (Retry-After). */
export const RETRY_AFTER_S = 10;

/** "Réessayez à partir de 14:32." — said the same way whether or not the login exists. */
export function tryAgainAt(until: Date, now = new Date()): string {
  const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
  if (seconds <= 90) return `Trop de tentatives : patientez ${Math.max(seconds, 1)} secondes avant de réessayer.`;
  const sameDay = formatLongDay(until) === formatLongDay(now);
  return `Trop de tentatives : par sécurité, la connexion est bloquée. Réessayez à partir de ${formatTime(until)}${sameDay ? '' : ` le ${formatLongDay(until)}`}.`;
}

// What a sign-in records of the login that was typed: the text only when it has the shape of an identifiant
// ("martin.k7m2") or of an e-mail address; anything else (perhaps a password typed in the wrong field) is recorded
// as "saisie non conforme", without its text. The migration applied the same rule to older attempts.

const IDENTIFIANT = /^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]{3,5}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const NON_CONFORMING_INPUT = 'saisie non conforme';

/** How a typed identifiant or e-mail is matched (the stored form): surrounding spaces and case are ignored. */
export function normalizeLogin(input: string): string {
  return input.trim().toLowerCase();
}

/** The normalised login to store, or null ("saisie non conforme"). */
export function storableLogin(login: string): string | null {
  if (login.length > 254) return null;
  return IDENTIFIANT.test(login) || EMAIL.test(login) ? login : null;
}

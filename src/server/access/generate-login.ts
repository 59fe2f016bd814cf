import 'server-only';
import { randomInt } from 'node:crypto';

/** No 0/o, 1/l/i: an identifiant is read aloud on the phone and typed from a letter. */
export const LOGIN_SUFFIX_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const SLUG_MAX = 12;

/** "Le Gall" → "le-gall", "Lefèvre" → "lefevre"; a name with no latin letter falls back to "compte". */
export function loginSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return slug || 'compte';
}

/** `<slug>.<4 characters>`, e.g. `martin.k7m2`. Uniqueness is checked by the caller against the database. */
export function generateLogin(person: { lastName: string; companyName?: string | null }): string {
  let suffix = '';
  for (let i = 0; i < 4; i++) suffix += LOGIN_SUFFIX_ALPHABET[randomInt(LOGIN_SUFFIX_ALPHABET.length)];
  return `${loginSlug(person.companyName || person.lastName)}.${suffix}`;
}

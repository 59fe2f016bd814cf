import { run as spellCheck } from '@zootools/email-spell-checker';

// The check of an e-mail address where it is typed (issue 15 item 2): syntax, and a typo in a common domain
// ("Vouliez-vous dire … ?"). Client-safe: the tiers form and "Mes coordonnées" run it as the person types, and the
// server runs the same rules (src/server/tiers/check-emails.ts adds the address already on another tiers).

/** The domains French tenants and owners use most; a typed domain close to one of them is suggested. */
export const COMMON_DOMAINS = [
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'neuf.fr',
  'laposte.net',
  'gmail.com',
  'hotmail.fr',
  'hotmail.com',
  'live.fr',
  'msn.com',
  'yahoo.fr',
  'yahoo.com',
  'outlook.fr',
  'outlook.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'bbox.fr',
  'club-internet.fr',
  'numericable.fr',
  'protonmail.com',
  'proton.me',
  'gmx.fr',
];
const TOP_LEVEL_DOMAINS = ['fr', 'com', 'net', 'org', 'eu', 'be', 'ch', 'me', 'io'];

// What browsers accept for type="email" (the WHATWG rule), with a dot in the domain as a mail address needs.
const SYNTAX =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** A French sentence saying what is wrong with the address, or null when its form is right. */
export function emailSyntaxError(value: string): string | null {
  const email = value.trim();
  if (!email) return null;
  if (/\s/.test(email)) return 'L’adresse e-mail ne doit pas contenir d’espace : retirez-le.';
  const at = email.split('@').length - 1;
  if (at === 0) return 'Il manque le « @ » : une adresse e-mail s’écrit nom@domaine.fr.';
  if (at > 1) return 'L’adresse e-mail contient plusieurs « @ » : gardez-en un seul.';
  const [local, domain] = email.split('@');
  if (!local) return 'Il manque la partie avant le « @ » (par exemple jean.dupont@…).';
  if (!domain.includes('.'))
    return `Il manque la fin du domaine après « ${domain} » (par exemple ${domain || 'domaine'}.fr).`;
  if (email.length > 254 || !SYNTAX.test(email) || local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return 'Cette adresse e-mail n’est pas valide : vérifiez-la (par exemple jean.dupont@orange.fr).';
  return null;
}

/**
 * The suggested domain for a typed one, or null. It depends on the domain alone, and an import repeats a few domains
 * thousands of times: answers are kept (a few thousand at most), so a line costs a lookup.
 */
const domainAnswers = new Map<string, string | null>();
function suggestDomain(domain: string): string | null {
  let answer = domainAnswers.get(domain);
  if (answer === undefined) {
    const found = spellCheck({ email: `x@${domain}`, domains: COMMON_DOMAINS, topLevelDomains: TOP_LEVEL_DOMAINS });
    answer = found && found.domain !== domain ? found.domain : null;
    if (domainAnswers.size >= 5000) domainAnswers.clear();
    domainAnswers.set(domain, answer);
  }
  return answer;
}

/** The address with its domain corrected, when the domain looks like a typo of a common one; else null. */
export function suggestEmail(value: string): string | null {
  const email = value.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  // Only the domain is read: an address whose form is wrong gets emailSyntaxError's sentence instead.
  if (at < 1 || !email.includes('.', at) || /\s/.test(email)) return null;
  const domain = suggestDomain(email.slice(at + 1));
  return domain ? `${email.slice(0, at)}@${domain}` : null;
}

export const suggestionMessage = (suggestion: string) => `Vouliez-vous dire ${suggestion} ?`;

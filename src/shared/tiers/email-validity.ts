// Client-safe: whether a tiers' e-mail is the one a hard bounce marked "invalide" (docs/decisions/022). The mark
// names the address that bounced, so it ends by itself as soon as the address is changed.

export type EmailValidityFields = {
  email: string | null;
  emailInvalidAddress: string | null;
};

export function isEmailInvalid(tiers: EmailValidityFields): boolean {
  return !!tiers.email && !!tiers.emailInvalidAddress && tiers.email.trim().toLowerCase() === tiers.emailInvalidAddress;
}

export const EMAIL_INVALID_LABEL = 'invalide';

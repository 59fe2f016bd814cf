import { describe, expect, it } from 'vitest';
import { passwordLink } from '@/server/access/verification-token';
import { getConfig } from '@/server/config';
import { emailChangeLink } from '@/server/extranet/update-contact';
import { appLink } from '@/server/http/app-link';
import { staffLinkUrl } from '@/server/staff/staff-mail';

describe('appLink, the one builder of the links mails and letters carry', () => {
  it('is APP_URL + the page, with the token as jeton, encoded', () => {
    const base = getConfig().appUrl;
    expect(appLink('/extranet/connexion')).toBe(`${base}/extranet/connexion`);
    // The credentials' activation link put the token in the URL as it was; the reset link encoded it.
    expect(appLink('/extranet/nouveau-mot-de-passe', 'a+b/c=d&e')).toBe(
      `${base}/extranet/nouveau-mot-de-passe?jeton=a%2Bb%2Fc%3Dd%26e`,
    );
    expect(passwordLink('x/y')).toBe(`${base}/extranet/nouveau-mot-de-passe?jeton=x%2Fy`);
    expect(emailChangeLink('x/y')).toBe(`${base}/extranet/confirmer-adresse?jeton=x%2Fy`);
    expect(staffLinkUrl('x/y')).toBe(`${base}/gestion/activation?jeton=x%2Fy`);
  });
});

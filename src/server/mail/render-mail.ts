import 'server-only';
import { createElement } from 'react';
import { render } from '@react-email/components';
import type { MailType, TiersKind } from '@/generated/prisma/enums';
import { getConfig } from '@/server/config';
import type { Tx } from '@/server/db';

import { CredentialMail, defaultTemplate, fillTemplate, type Agency, type TemplateText, type TemplateValues } from './templates';

export type RenderedMail = { subject: string; html: string; text: string };

const parisDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
export const formatParisDateTime = (d: Date) => parisDate.format(d);

export async function loadAgency(tx: Tx): Promise<Agency> {
  const s = await tx.agencySettings.findUnique({ where: { id: 1 } });
  return {
    name: s?.agencyName ?? 'Agence Trousseau',
    email: s?.agencyEmail ?? null,
    phone: s?.agencyPhone ?? null,
    address: s?.agencyAddress ?? null,
    logoUrl: s?.logoUrl ?? null,
    signature: s?.mailSignature ?? null,
  };
}

/**
 * Renders one mail (HTML with inlined styles, and plain text) from the agency's template for its type and
 * audience (or the default). Secrets are not passed in: the bodies carry SECRET_PLACEHOLDER instead.
 */
export async function renderMail(
  tx: Tx,
  input: {
    type: MailType;
    tiers: { kind: TiersKind; civility: string | null; firstName: string | null; lastName: string; companyName: string | null };
    identifiant: string;
    expiresAt: Date | null;
    agency?: Agency;
    /** A subject and intro not saved yet (the live preview in Paramètres). */
    template?: TemplateText;
  },
): Promise<RenderedMail> {
  const agency = input.agency ?? (await loadAgency(tx));
  const template =
    input.template ??
    (await tx.mailTemplate.findUnique({ where: { type_audience: { type: input.type, audience: input.tiers.kind } }, select: { subject: true, intro: true } })) ??
    defaultTemplate(input.type, input.tiers.kind);
  const loginUrl = `${getConfig().appUrl}/extranet/connexion`;
  const values: TemplateValues = {
    prenom: input.tiers.firstName ?? '',
    nom: input.tiers.companyName ?? input.tiers.lastName,
    civilite: input.tiers.companyName ? '' : (input.tiers.civility ?? ''),
    identifiant: input.identifiant,
    agence: agency.name,
    expiration: input.expiresAt ? formatParisDateTime(input.expiresAt) : '',
    lien_connexion: loginUrl,
  };
  const intro = fillTemplate(template.intro, values).replace(/ {2,}/g, ' ').replace(/Bonjour ,/, 'Bonjour,');
  const secretLabel = {
    CREDENTIALS: 'Mot de passe provisoire',
    ACTIVATION_LINK: 'Choisir mon mot de passe',
    PASSWORD_RESET: 'Choisir un nouveau mot de passe',
    PASSWORD_CHANGED: null,
  }[input.type];
  const element = createElement(CredentialMail, {
    type: input.type,
    intro,
    identifiant: input.identifiant,
    secretLabel,
    expiresAt: values.expiration || null,
    loginUrl,
    agency,
  });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: fillTemplate(template.subject, values).replace(/\s+/g, ' ').trim(), html, text };
}


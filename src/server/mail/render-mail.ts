import 'server-only';
import { escapeHtml } from '@/shared/html';
import { createElement } from 'react';
import { render } from '@react-email/components';
import type { TiersKind } from '@/generated/prisma/enums';
import { appLink } from '@/server/http/app-link';
import type { Tx } from '@/server/db';

import {
  CredentialMail,
  defaultTemplate,
  fillTemplate,
  type Agency,
  type TemplateText,
  type TemplateValues,
  type TemplateMailType,
} from './templates';
import { formatLongDateTime } from '@/shared/dates';

export type RenderedMail = { subject: string; html: string; text: string };

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
    type: TemplateMailType;
    tiers: {
      kind: TiersKind;
      civility: string | null;
      firstName: string | null;
      lastName: string;
      companyName: string | null;
    };
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
    (await tx.mailTemplate.findUnique({
      where: { type_audience: { type: input.type, audience: input.tiers.kind } },
      select: { subject: true, intro: true },
    })) ??
    defaultTemplate(input.type, input.tiers.kind);
  const loginUrl = appLink('/extranet/connexion');
  const values: TemplateValues = {
    prenom: input.tiers.firstName ?? '',
    nom: input.tiers.companyName ?? input.tiers.lastName,
    civilite: input.tiers.companyName ? '' : (input.tiers.civility ?? ''),
    identifiant: input.identifiant,
    agence: agency.name,
    expiration: input.expiresAt ? formatLongDateTime(input.expiresAt) : '',
    lien_connexion: loginUrl,
  };
  const intro = fillTemplate(template.intro, values)
    .replace(/ {2,}/g, ' ')
    .replace(/Bonjour ,/, 'Bonjour,');
  const secretLabel = {
    CREDENTIALS: 'Mot de passe provisoire',
    ACTIVATION_LINK: 'Choisir mon mot de passe',
    PASSWORD_RESET: 'Choisir un nouveau mot de passe',
    PASSWORD_CHANGED: null,
    EMAIL_CHANGE_NOTICE: null,
    EMAIL_CHANGE_CONFIRM: 'Confirmer ma nouvelle adresse',
    REMINDER: null,
  }[input.type];
  const subject = fillTemplate(template.subject, values).replace(/\s+/g, ' ').trim();
  const element = createElement(CredentialMail, {
    type: input.type,
    title: subject,
    intro,
    identifiant: input.identifiant,
    secretLabel,
    expiresAt: values.expiration || null,
    loginUrl,
    agency,
  });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}

type Person = {
  kind: TiersKind;
  civility: string | null;
  firstName: string | null;
  lastName: string;
  companyName: string | null;
};

// Stand-ins rendered in place of a person's values, then replaced: letters and digits only, so that neither React's
// escaping nor the plain-text conversion alters them.
const MARK = { civilite: 'Zq9CIVILITEq9Z', prenom: 'Zq9PRENOMq9Z', nom: 'Zq9NOMq9Z', identifiant: 'Zq9IDENTq9Z' };

/**
 * For an envelope of many people: renders each audience's mail once, with stand-ins for the person's values, then
 * fills them in per person. Same result as renderMail, without one React render per person.
 */
export function mailRenderer(tx: Tx, base: { type: TemplateMailType; expiresAt: Date | null; agency: Agency }) {
  const compiled = new Map<TiersKind, Promise<RenderedMail>>();
  return async (person: Person, identifiant: string): Promise<RenderedMail> => {
    let template = compiled.get(person.kind);
    if (!template) {
      const tiers = {
        kind: person.kind,
        civility: MARK.civilite,
        firstName: MARK.prenom,
        lastName: MARK.nom,
        companyName: null,
      };
      template = renderMail(tx, { ...base, tiers, identifiant: MARK.identifiant });
      compiled.set(person.kind, template);
    }
    const values = {
      civilite: person.companyName ? '' : (person.civility ?? ''),
      prenom: person.firstName ?? '',
      nom: person.companyName ?? person.lastName,
      identifiant,
    };
    const fill = (text: string, escape: (s: string) => string) => {
      // An empty civility takes its following space with it, as renderMail's tidy-up of the intro does.
      let out = values.civilite ? text : text.replaceAll(`${MARK.civilite} `, '');
      for (const [key, mark] of Object.entries(MARK))
        out = out.replaceAll(mark, escape(values[key as keyof typeof values]));
      return out;
    };
    const { subject, html, text } = await template;
    return {
      subject: fill(subject, (s) => s)
        .replace(/\s+/g, ' ')
        .trim(),
      html: fill(html, escapeHtml),
      text: fill(text, (s) => s),
    };
  };
}

/** What staff see instead of the secret: proof that it exists, and its dates, never its value. */
export function maskSecret(mail: { secretCreatedAt: Date | null; secretExpiresAt: Date | null }): string {
  const parts = ['••••••••'];
  if (mail.secretCreatedAt) parts.push(`généré le ${formatLongDateTime(mail.secretCreatedAt)}`);
  if (mail.secretExpiresAt) parts.push(`expire le ${formatLongDateTime(mail.secretExpiresAt)}`);
  return parts.length === 1 ? parts[0] : `${parts[0]} – ${parts.slice(1).join(', ')}`;
}

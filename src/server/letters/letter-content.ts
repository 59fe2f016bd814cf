import 'server-only';
import type { TiersKind } from '@/generated/prisma/enums';
import type { RenderedMail } from '@/server/mail/render-mail';
import { formatLongDateTime, formatLongDay } from '@/shared/dates';
import { SECRET_PLACEHOLDER, type Agency } from '@/server/mail/templates';
import { displayName } from '@/shared/tiers/names';

/**
 * A credential letter as stored with its OutboxMail row (column `letter`): everything but the secret, which stands as
 * SECRET_PLACEHOLDER until the print puts it into the PDF. The loupe and the PDF are both drawn from this, so what
 * staff check is what is printed (docs/decisions/025).
 */
export type LetterContent = {
  /** Letterhead, top left: the agency's name, then its address and phone. */
  sender: string[];
  /** The window-envelope block: the person's name and postal address. */
  recipient: string[];
  dateLine: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** The boxed facts; a value may be SECRET_PLACEHOLDER. */
  facts: { label: string; value: string; mono?: boolean }[];
  /** A QR code beside the facts: the activation link (the secret) or the sign-in page's address. */
  qr: { value: string; caption: string } | null;
  steps: string[];
  closing: string[];
};

export type LetterMode = 'CREDENTIALS' | 'ACTIVATION_LINK';

export type PostalPerson = {
  kind: TiersKind;
  civility: string | null;
  firstName: string | null;
  lastName: string;
  companyName: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
};

/** The person's postal address as the envelope's window shows it, or null when it is incomplete. */
export function postalLines(person: PostalPerson): string[] | null {
  const line = person.addressLine?.trim();
  const code = person.postalCode?.trim();
  const city = person.city?.trim();
  if (!line || !code || !city) return null;
  return [
    displayName(person),
    ...line
      .split(/\r?\n|,\s*(?=\S)/)
      .map((l) => l.trim())
      .filter(Boolean),
    `${code} ${city.toUpperCase()}`,
  ];
}

/** The agency's address as typed in Paramètres (one line or several, comma-separated), cut into lines. */
function agencyLines(agency: Agency): string[] {
  const lines = [agency.name];
  if (agency.address)
    lines.push(
      ...agency.address
        .split(/\r?\n|,\s*(?=\S)/)
        .map((l) => l.trim())
        .filter(Boolean),
    );
  if (agency.phone) lines.push(`Tél. ${agency.phone}`);
  if (agency.email) lines.push(agency.email);
  return lines;
}

/** The letter for one person; the secret is left as SECRET_PLACEHOLDER. */
export function buildLetter(input: {
  mode: LetterMode;
  person: PostalPerson;
  recipient: string[];
  login: string;
  expiresAt: Date;
  agency: Agency;
  loginUrl: string;
  now?: Date;
}): LetterContent {
  const { agency, person, mode } = input;
  const space = person.kind === 'LOCATAIRE' ? 'espace locataire' : 'espace propriétaire';
  const expiry = formatLongDateTime(input.expiresAt);
  const greeting = person.companyName
    ? 'Madame, Monsieur,'
    : `Bonjour ${[person.civility, person.lastName].filter(Boolean).join(' ')},`;
  const call = agency.phone ? `appelez l’agence au ${agency.phone}` : 'contactez l’agence';
  const intro =
    person.kind === 'LOCATAIRE'
      ? 'Votre espace locataire en ligne est ouvert : vous y trouverez votre bail, vos quittances et vos avis d’échéance.'
      : 'Votre espace propriétaire en ligne est ouvert : vous y trouverez vos biens, vos comptes rendus de gérance et vos documents.';
  const common = {
    sender: agencyLines(agency),
    recipient: input.recipient,
    dateLine: `Le ${formatLongDay(input.now ?? new Date())}`,
    greeting,
    closing: [
      'Nous restons à votre disposition pour toute question.',
      'Bien cordialement,',
      agency.signature?.trim() || agency.name,
    ],
  };
  if (mode === 'ACTIVATION_LINK')
    return {
      ...common,
      subject: `Objet : activation de votre ${space} en ligne`,
      paragraphs: [
        intro,
        'Pour l’activer, choisissez votre mot de passe avec le lien personnel ci-dessous. Il ne sert qu’une fois : ne le communiquez à personne.',
      ],
      facts: [
        { label: 'Identifiant', value: input.login, mono: true },
        { label: 'Lien d’activation', value: SECRET_PLACEHOLDER, mono: true },
        { label: 'Valable jusqu’au', value: expiry },
      ],
      qr: { value: SECRET_PLACEHOLDER, caption: 'Scannez pour activer' },
      steps: [
        'Scannez le code QR avec l’appareil photo de votre téléphone, ou tapez le lien ci-dessus dans votre navigateur.',
        'Choisissez votre mot de passe (au moins 12 caractères), puis confirmez-le.',
        `Ensuite, connectez-vous sur ${input.loginUrl} avec votre identifiant et ce mot de passe.`,
        `Passé le ${expiry}, le lien ne fonctionne plus : ${call} pour en recevoir un nouveau.`,
      ],
    };
  return {
    ...common,
    subject: `Objet : vos identifiants pour votre ${space} en ligne`,
    paragraphs: [
      `${intro} Voici vos identifiants personnels : conservez cette lettre en lieu sûr et ne les communiquez à personne.`,
    ],
    facts: [
      { label: 'Adresse du site', value: input.loginUrl },
      { label: 'Identifiant', value: input.login, mono: true },
      { label: 'Mot de passe provisoire', value: SECRET_PLACEHOLDER, mono: true },
      { label: 'Valable jusqu’au', value: expiry },
    ],
    qr: { value: input.loginUrl, caption: 'Scannez pour ouvrir le site' },
    steps: [
      `Rendez-vous sur ${input.loginUrl} (ou scannez le code QR).`,
      'Saisissez votre identifiant et le mot de passe provisoire, en respectant les majuscules et les minuscules.',
      'Choisissez aussitôt votre propre mot de passe : le mot de passe provisoire ne servira plus.',
      `Passé le ${expiry}, le mot de passe provisoire ne fonctionne plus : ${call} pour en recevoir un nouveau.`,
    ],
  };
}

const fill = (text: string, secret: string) => text.split(SECRET_PLACEHOLDER).join(secret);
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#x27' }[c]};`);

/** The letter as plain text, with `secret` in the placeholder's place (the mask in the loupe). */
export function letterText(letter: LetterContent, secret = SECRET_PLACEHOLDER): string {
  return [
    letter.sender.join('\n'),
    letter.recipient.join('\n'),
    letter.dateLine,
    letter.subject,
    letter.greeting,
    ...letter.paragraphs,
    letter.facts.map((f) => `${f.label} : ${fill(f.value, secret)}`).join('\n'),
    ...(letter.qr
      ? [`[Code QR – ${letter.qr.caption}${letter.qr.value === SECRET_PLACEHOLDER ? ' : masqué' : ''}]`]
      : []),
    letter.steps.map((s, i) => `${i + 1}. ${fill(s, secret)}`).join('\n'),
    letter.closing.join('\n'),
  ].join('\n\n');
}

/** The letter as a page of HTML for the loupe's sandboxed frame (no script, no outside resource). */
export function letterHtml(letter: LetterContent, secret = SECRET_PLACEHOLDER): string {
  const lines = (ls: string[]) => ls.map(escapeHtml).join('<br>');
  const p = (s: string, style = '') => `<p style="margin:0 0 10px;${style}">${escapeHtml(s)}</p>`;
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"></head>
<body style="font-family:Helvetica,Arial,sans-serif;font-size:13px;color:#0f172a;margin:0;background:#f1f5f9">
<div style="background:#fff;max-width:640px;margin:16px auto;padding:32px;box-shadow:0 1px 3px #94a3b8">
<div style="font-size:12px"><strong style="font-size:15px">${escapeHtml(letter.sender[0] ?? '')}</strong><br>${lines(letter.sender.slice(1))}</div>
<div style="margin:24px 0 24px 47%;padding:8px;border:1px dashed #94a3b8" title="Fenêtre de l’enveloppe">${lines(letter.recipient)}</div>
${p(letter.dateLine, 'margin-left:47%')}
${p(letter.subject, 'font-weight:700')}
${p(letter.greeting)}
${letter.paragraphs.map((x) => p(x)).join('\n')}
<div style="background:#eef4ff;border-radius:6px;padding:12px;margin:12px 0">
${letter.facts
  .map(
    (f) =>
      `<div><span style="color:#475569">${escapeHtml(f.label)} :</span> <strong style="${f.mono ? 'font-family:Courier,monospace' : ''}">${escapeHtml(fill(f.value, secret))}</strong></div>`,
  )
  .join('\n')}
${letter.qr ? `<div style="margin-top:8px;color:#475569">[Code QR – ${escapeHtml(letter.qr.caption)}${letter.qr.value === SECRET_PLACEHOLDER ? ' : masqué' : ''}]</div>` : ''}
</div>
<ol style="padding-left:20px">${letter.steps.map((s) => `<li>${escapeHtml(fill(s, secret))}</li>`).join('')}</ol>
${letter.closing.map((x) => p(x)).join('\n')}
</div></body></html>`;
}

/** The row's stored bodies: subject, HTML and text with the placeholder, like a mail's. */
export function letterBodies(letter: LetterContent): RenderedMail {
  return {
    subject: letter.subject.replace(/^Objet : /, 'Lettre : '),
    html: letterHtml(letter),
    text: letterText(letter),
  };
}

import 'server-only';
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type { MailType, TiersKind } from '@/generated/prisma/enums';

/**
 * Where the secret goes in a stored mail. The dispatcher puts the real secret there at sending time; the
 * preview (loupe) puts a mask. The stored bodies therefore never hold the secret.
 */
export const SECRET_PLACEHOLDER = '%%TROUSSEAU_SECRET%%';

export type Agency = {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  logoUrl: string | null;
  signature: string | null;
};

/** The variables a template may use, with their meaning (listed to ADMIN in Paramètres). */
export const TEMPLATE_VARIABLES = {
  prenom: 'Prénom du destinataire',
  nom: 'Nom du destinataire',
  civilite: 'Civilité (M., Mme)',
  identifiant: "Identifiant de connexion à l'extranet",
  agence: "Nom de l'agence",
  expiration: 'Date de fin de validité du mot de passe provisoire ou du lien',
  lien_connexion: "Adresse de la page de connexion à l'extranet",
} as const;
export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type TemplateValues = Record<TemplateVariable, string>;

export type TemplateText = { subject: string; intro: string };

/** Mails written from an ADMIN-editable template; staff notices (STAFF_NOTICE) are written by the code. */
export type TemplateMailType = Exclude<MailType, 'STAFF_NOTICE'>;

const DEFAULTS: Record<TemplateMailType, Record<TiersKind, TemplateText>> = {
  CREDENTIALS: {
    LOCATAIRE: {
      subject: 'Vos identifiants pour votre espace locataire – {{agence}}',
      intro:
        'Bonjour {{civilite}} {{nom}},\n\nVotre espace locataire en ligne est ouvert : vous y trouverez votre bail, vos quittances et vos avis d’échéance. Voici vos identifiants.',
    },
    PROPRIETAIRE: {
      subject: 'Vos identifiants pour votre espace propriétaire – {{agence}}',
      intro:
        'Bonjour {{civilite}} {{nom}},\n\nVotre espace propriétaire en ligne est ouvert : vous y trouverez vos biens, vos comptes rendus de gérance et vos documents. Voici vos identifiants.',
    },
  },
  ACTIVATION_LINK: {
    LOCATAIRE: {
      subject: 'Activez votre espace locataire – {{agence}}',
      intro:
        'Bonjour {{civilite}} {{nom}},\n\nVotre espace locataire en ligne est prêt. Choisissez votre mot de passe avec le lien ci-dessous pour l’activer.',
    },
    PROPRIETAIRE: {
      subject: 'Activez votre espace propriétaire – {{agence}}',
      intro:
        'Bonjour {{civilite}} {{nom}},\n\nVotre espace propriétaire en ligne est prêt. Choisissez votre mot de passe avec le lien ci-dessous pour l’activer.',
    },
  },
  PASSWORD_RESET: {
    LOCATAIRE: {
      subject: 'Réinitialisation de votre mot de passe – {{agence}}',
      intro:
        'Bonjour {{civilite}} {{nom}},\n\nVous avez demandé à changer votre mot de passe. Le lien ci-dessous est valable 30 minutes et ne sert qu’une fois.',
    },
    PROPRIETAIRE: {
      subject: 'Réinitialisation de votre mot de passe – {{agence}}',
      intro:
        'Bonjour {{civilite}} {{nom}},\n\nVous avez demandé à changer votre mot de passe. Le lien ci-dessous est valable 30 minutes et ne sert qu’une fois.',
    },
  },
  PASSWORD_CHANGED: {
    LOCATAIRE: {
      subject: 'Votre mot de passe a été modifié – {{agence}}',
      intro:
        'Bonjour {{civilite}} {{nom}},\n\nLe mot de passe de votre espace en ligne vient d’être modifié. Si vous n’êtes pas à l’origine de ce changement, contactez l’agence sans attendre.',
    },
    PROPRIETAIRE: {
      subject: 'Votre mot de passe a été modifié – {{agence}}',
      intro:
        'Bonjour {{civilite}} {{nom}},\n\nLe mot de passe de votre espace en ligne vient d’être modifié. Si vous n’êtes pas à l’origine de ce changement, contactez l’agence sans attendre.',
    },
  },
  EMAIL_CHANGE_NOTICE: {
    LOCATAIRE: {
      subject: 'Changement de votre adresse e-mail demandé – {{agence}}',
      intro:
        'Bonjour {{civilite}} {{nom}},\n\nUn changement de l’adresse e-mail de votre espace en ligne vient d’être demandé. Cette adresse-ci reste la vôtre tant que la nouvelle n’a pas été confirmée par le lien qui lui a été envoyé.',
    },
    PROPRIETAIRE: {
      subject: 'Changement de votre adresse e-mail demandé – {{agence}}',
      intro:
        'Bonjour {{civilite}} {{nom}},\n\nUn changement de l’adresse e-mail de votre espace en ligne vient d’être demandé. Cette adresse-ci reste la vôtre tant que la nouvelle n’a pas été confirmée par le lien qui lui a été envoyé.',
    },
  },
  EMAIL_CHANGE_CONFIRM: {
    LOCATAIRE: {
      subject: 'Confirmez votre nouvelle adresse e-mail – {{agence}}',
      intro:
        'Bonjour {{civilite}} {{nom}},\n\nVous avez demandé que votre espace en ligne utilise désormais cette adresse. Confirmez-la avec le lien ci-dessous : elle ne remplacera l’ancienne qu’à ce moment-là.',
    },
    PROPRIETAIRE: {
      subject: 'Confirmez votre nouvelle adresse e-mail – {{agence}}',
      intro:
        'Bonjour {{civilite}} {{nom}},\n\nVous avez demandé que votre espace en ligne utilise désormais cette adresse. Confirmez-la avec le lien ci-dessous : elle ne remplacera l’ancienne qu’à ce moment-là.',
    },
  },
};

export function defaultTemplate(type: TemplateMailType, audience: TiersKind): TemplateText {
  return DEFAULTS[type][audience];
}

/** Replaces {{variable}}; an unknown name is a programming error here (templates are validated when saved). */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`Unknown template variable {{${name}}}`);
    return values[name as TemplateVariable];
  });
}

/** Names used in `text` that are not template variables: a saved template must have none. */
export function unknownVariables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}\s]*)\s*\}\}/g)]
    .map((m) => m[1])
    .filter((name) => !(name in TEMPLATE_VARIABLES));
}

export type MailContent = {
  type: MailType;
  /** The subject, as the HTML document's <title>. */
  title: string;
  intro: string;
  identifiant: string;
  /** CREDENTIALS: the password goes here. ACTIVATION_LINK / PASSWORD_RESET: the link goes here. */
  secretLabel: string | null;
  expiresAt: string | null;
  loginUrl: string;
  agency: Agency;
};

// Colours chosen for a contrast of at least 4.5:1 on white and on the box's background (issue 14): links blue-700
// (#1d4ed8, 6.7:1 on white, 6.1:1 on #eef4ff), secondary text slate-600 (#475569, 7.6:1 / 6.9:1).
const LINK = '#1d4ed8';
const styles = {
  body: { backgroundColor: '#f1f5f9', fontFamily: 'Segoe UI, Roboto, Helvetica, Arial, sans-serif', color: '#0f172a' },
  container: {
    backgroundColor: '#ffffff',
    borderRadius: '8px',
    margin: '24px auto',
    maxWidth: '560px',
    padding: '32px',
  },
  box: { backgroundColor: '#eef4ff', borderRadius: '6px', padding: '16px' },
  label: { color: '#475569', fontSize: '14px', margin: '0' },
  value: { fontFamily: 'Consolas, Menlo, monospace', fontSize: '18px', fontWeight: 700, margin: '0 0 12px' },
  expiry: { color: '#0f172a', fontSize: '15px', fontWeight: 600, margin: '4px 0 0' },
  small: { color: '#475569', fontSize: '14px' },
  link: { color: LINK, textDecoration: 'underline' },
  button: {
    backgroundColor: LINK,
    borderRadius: '6px',
    color: '#ffffff',
    display: 'inline-block',
    fontSize: '16px',
    fontWeight: 700,
    padding: '12px 20px',
    textDecoration: 'none',
  },
};

/** What to do when the secret has expired, or when the mail was not expected: never a dead end. */
function WayForward({ content }: { content: MailContent }) {
  const { agency } = content;
  const call = agency.phone ? (
    <>
      appelez l’agence au{' '}
      <Link style={styles.link} href={`tel:${agency.phone.replace(/[^+0-9]/g, '')}`}>
        {agency.phone}
      </Link>
    </>
  ) : (
    <>contactez l’agence</>
  );
  const expired =
    content.type === 'CREDENTIALS'
      ? 'Mot de passe provisoire expiré ? Sur la page de connexion, cliquez sur « Mot de passe oublié ? » pour recevoir un lien, ou '
      : content.type === 'EMAIL_CHANGE_CONFIRM'
        ? 'Lien expiré ? Refaites la demande depuis « Mes coordonnées » dans votre espace, ou '
        : 'Lien expiré ou déjà utilisé ? Sur la page de connexion, cliquez sur « Mot de passe oublié ? » pour en recevoir un autre, ou ';
  return (
    <>
      <Text style={styles.small}>
        {expired}
        {call}.
      </Text>
      <Text style={styles.small}>
        Vous n’attendiez pas ce mail ? Ne cliquez sur rien et {call} : rien ne change sans vous.
      </Text>
    </>
  );
}

/** The notice to the old address: whom to call when the change was not asked by its owner. */
function NotMe({ agency }: { agency: Agency }) {
  return (
    <Section style={styles.box}>
      <Text style={{ fontWeight: 700, margin: '0 0 8px' }}>Ce n’était pas vous ?</Text>
      <Text style={{ margin: '0' }}>
        {agency.phone ? (
          <>
            Appelez l’agence sans attendre au{' '}
            <Link style={styles.link} href={`tel:${agency.phone.replace(/[^+0-9]/g, '')}`}>
              {agency.phone}
            </Link>{' '}
            : elle bloquera le changement et sécurisera votre espace.
          </>
        ) : (
          <>Contactez l’agence sans attendre : elle bloquera le changement et sécurisera votre espace.</>
        )}
      </Text>
    </Section>
  );
}

export function CredentialMail(content: MailContent) {
  const { agency } = content;
  const link =
    content.type === 'ACTIVATION_LINK' || content.type === 'PASSWORD_RESET' || content.type === 'EMAIL_CHANGE_CONFIRM';
  const notice = content.type === 'PASSWORD_CHANGED' || content.type === 'EMAIL_CHANGE_NOTICE';
  return (
    <Html lang="fr">
      <Head>
        <title>{content.title}</title>
      </Head>
      <Preview>{content.intro.split('\n').filter(Boolean).slice(-1)[0]}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          {agency.logoUrl && <Img src={agency.logoUrl} alt={agency.name} height="48" />}
          <Heading as="h1" style={{ fontSize: '20px' }}>
            {agency.name}
          </Heading>
          {content.intro.split(/\n{2,}/).map((paragraph, i) => (
            <Text key={i}>{paragraph}</Text>
          ))}
          {content.type === 'EMAIL_CHANGE_NOTICE' && <NotMe agency={agency} />}
          {!notice && (
            <Section style={styles.box}>
              <Text style={styles.label}>Identifiant</Text>
              <Text style={styles.value}>{content.identifiant}</Text>
              {content.secretLabel && !link && (
                <>
                  <Text style={styles.label}>{content.secretLabel}</Text>
                  <Text style={styles.value}>{SECRET_PLACEHOLDER}</Text>
                </>
              )}
              {link && (
                <Button href={SECRET_PLACEHOLDER} style={styles.button}>
                  {content.secretLabel}
                </Button>
              )}
              {content.expiresAt && <Text style={styles.expiry}>Valable jusqu’au {content.expiresAt}.</Text>}
            </Section>
          )}
          {content.type === 'CREDENTIALS' && (
            <Text>À votre première connexion, vous choisirez votre propre mot de passe.</Text>
          )}
          {content.type === 'CREDENTIALS' ? (
            <Section>
              <Button href={content.loginUrl} style={styles.button}>
                Se connecter à mon espace
              </Button>
            </Section>
          ) : (
            <Text>
              Connexion :{' '}
              <Link style={styles.link} href={content.loginUrl}>
                {content.loginUrl}
              </Link>
            </Text>
          )}
          {!notice && <WayForward content={content} />}
          <Hr />
          <Text style={styles.small}>
            {agency.signature ?? agency.name}
            {agency.address && (
              <>
                <br />
                {agency.address}
              </>
            )}
            {agency.phone && (
              <>
                <br />
                {agency.phone}
              </>
            )}
            {agency.email && (
              <>
                <br />
                {agency.email}
              </>
            )}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

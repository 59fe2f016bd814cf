import 'server-only';
import { accessStatus } from '@/server/access/access-status';
import type { LoginOutcome, MailStatus } from '@/generated/prisma/enums';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { OPEN_SESSION_WHERE } from '@/server/session/sessions';
import { NON_CONFORMING_INPUT } from '@/server/session/typed-login';
import { displayName, tiersNameSelect } from '@/shared/tiers/names';
import { isEmailInvalid } from '@/shared/tiers/email-validity';
import type { DeliveryEventKind } from '@/generated/prisma/enums';
import { DELIVERY_KIND_LABELS } from '@/shared/outbox/delivery-labels';
import { looksLikeTypo, typoDistance } from './edit-distance';
import { formatLongDateTime } from '@/shared/dates';

export type FixAction =
  'ENROLL' | 'UNLOCK' | 'GENERATE' | 'RETRY_MAIL' | 'REVIEW_MAIL' | 'ADD_EMAIL' | 'FIX_EMAIL' | 'NONE';
export type Verdict = { cause: string; fix: string; action: FixAction };
export type AttemptView = { at: Date; typed: string; outcome: LoginOutcome | 'POSSIBLE_TYPO'; ip: string | null };

const CREDENTIAL_MAILS = ['CREDENTIALS', 'ACTIVATION_LINK'] as const;

/** Everything staff need to understand why a person cannot log in, and the verdict: likely cause and fix. */
export async function diagnose(tiersId: string, now = new Date()) {
  const tiers = await db.tiers.findUnique({
    where: { id: tiersId },
    select: {
      id: true,
      kind: true,
      ...tiersNameSelect,
      email: true,
      emailInvalidAddress: true,
      emailInvalidAt: true,
      emailInvalidReason: true,
      account: {
        select: {
          id: true,
          login: true,
          status: true,
          enrolledAt: true,
          unenrolledAt: true,
          credentialsGeneratedAt: true,
          credentialsGeneratedBy: { select: { name: true } },
          mustChangePassword: true,
          lastLoginAt: true,
          failedLoginCount: true,
          lockedUntil: true,
          password: { select: { isTemporary: true, expiresAt: true } },
          verifications: { where: { type: 'ACTIVATION', usedAt: null }, select: { expiresAt: true } },
          _count: { select: { sessions: { where: OPEN_SESSION_WHERE() } } },
        },
      },
    },
  });
  if (!tiers) throw new NotFoundError('tiers');
  const account = tiers.account;
  const since = new Date(now.getTime() - 30 * 24 * 3600 * 1000);

  const [lastMail, attempts, unknownAttempts, emailChange] = await Promise.all([
    account
      ? db.outboxMail.findFirst({
          where: { accountId: account.id, type: { in: [...CREDENTIAL_MAILS] } },
          orderBy: { createdAt: 'desc' },
          select: {
            id: true,
            status: true,
            createdAt: true,
            sentAt: true,
            lastError: true,
            toAddress: true,
            deliveryKind: true,
            deliveryAt: true,
            deliveryDetail: true,
          },
        })
      : null,
    account
      ? db.loginAttempt.findMany({
          where: { accountId: account.id, createdAt: { gte: since } },
          orderBy: { id: 'desc' },
          take: 20,
          select: { createdAt: true, loginInput: true, outcome: true, ip: true },
        })
      : [],
    account
      ? db.loginAttempt.findMany({
          where: { outcome: 'UNKNOWN_LOGIN', createdAt: { gte: since }, loginInput: { not: null } },
          orderBy: { id: 'desc' },
          take: 500,
          select: { createdAt: true, loginInput: true, ip: true },
        })
      : [],
    db.auditEvent.findFirst({
      where: { tiersId, type: 'tiers.email_changed' },
      orderBy: { id: 'desc' },
      select: { createdAt: true, details: true },
    }),
  ]);

  const typos = account
    ? await attributableTypos(
        account.login,
        unknownAttempts.flatMap((a) => (a.loginInput ? [{ ...a, loginInput: a.loginInput }] : [])),
      )
    : [];
  const recentAttempts: AttemptView[] = [
    ...attempts.map((a) => ({
      at: a.createdAt,
      typed: a.loginInput ?? NON_CONFORMING_INPUT,
      outcome: a.outcome,
      ip: a.ip,
    })),
    ...typos.map((a) => ({ at: a.createdAt, typed: a.loginInput, outcome: 'POSSIBLE_TYPO' as const, ip: a.ip })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, 20);

  const verdict = decide({ now, email: tiers.email, account, lastMail, attempts: recentAttempts });
  return {
    person: {
      id: tiers.id,
      kind: tiers.kind,
      name: displayName(tiers),
      email: tiers.email,
      emailInvalid: isEmailInvalid(tiers) ? { at: tiers.emailInvalidAt, reason: tiers.emailInvalidReason } : null,
    },
    account: account && {
      login: account.login,
      status: account.status,
      enrolledAt: account.enrolledAt,
      unenrolledAt: account.unenrolledAt,
      credentialsGeneratedAt: account.credentialsGeneratedAt,
      credentialsGeneratedBy: account.credentialsGeneratedBy?.name ?? null,
      lastLoginAt: account.lastLoginAt,
      lockedUntil: account.lockedUntil && account.lockedUntil > now ? account.lockedUntil : null,
      failedLoginCount: account.failedLoginCount,
      temporaryPassword: account.password?.isTemporary ? { expiresAt: account.password.expiresAt } : null,
      activeSessions: account._count.sessions,
    },
    /** The list's Statut d'accès, by the same rule (decision 010). */
    accessStatus: accessStatus(account, lastMail, now),
    lastMail,
    attempts: recentAttempts,
    emailChangedAt: emailChange?.createdAt ?? null,
    verdict,
  };
}

/** Unknown identifiants close to `login`, unless another existing identifiant is closer to what was typed. */
async function attributableTypos<T extends { loginInput: string }>(login: string, attempts: T[]): Promise<T[]> {
  const candidates = attempts.filter((a) => looksLikeTypo(a.loginInput, login));
  const result: T[] = [];
  for (const attempt of candidates) {
    const typed = attempt.loginInput;
    const neighbours = await db.extranetAccount.findMany({
      where: { login: { startsWith: typed.replace(/\s+/g, '').slice(0, 3) } },
      select: { login: true },
      take: 200,
    });
    const mine = typoDistance(typed, login);
    if (neighbours.every((other) => other.login === login || typoDistance(typed, other.login) > mine))
      result.push(attempt);
  }
  return result;
}

type DecideInput = {
  now: Date;
  email: string | null;
  account: {
    status: 'ENROLLED' | 'UNENROLLED';
    login: string;
    credentialsGeneratedAt: Date | null;
    lastLoginAt: Date | null;
    lockedUntil: Date | null;
    failedLoginCount: number;
    password: { isTemporary: boolean; expiresAt: Date | null } | null;
    verifications: { expiresAt: Date }[];
  } | null;
  lastMail: {
    status: MailStatus;
    createdAt: Date;
    sentAt: Date | null;
    lastError: string | null;
    toAddress?: string;
    deliveryKind?: DeliveryEventKind | null;
    deliveryAt?: Date | null;
    deliveryDetail?: string | null;
  } | null;
  attempts: AttemptView[];
};

/** " Dernier suivi du relais : Différé le … (4.2.2 …)." when the relay said so and nothing final is known yet. */
function transientNote(mail: NonNullable<DecideInput['lastMail']>): string {
  if (
    !mail.deliveryKind ||
    !mail.deliveryAt ||
    (mail.deliveryKind !== 'DEFERRED' && mail.deliveryKind !== 'SOFT_BOUNCE')
  )
    return '';
  const detail = mail.deliveryDetail ? ` (${mail.deliveryDetail})` : '';
  return ` Dernier suivi du relais : ${DELIVERY_KIND_LABELS[mail.deliveryKind]} le ${formatLongDateTime(mail.deliveryAt)}${detail}.`;
}

/** The most likely cause, in the order a support agent would check it. */
export function decide({ now, email, account, lastMail, attempts }: DecideInput): Verdict {
  if (!account)
    return {
      cause: "La personne n'est pas inscrite à l'extranet.",
      fix: 'Inscrivez-la puis générez ses identifiants.',
      action: 'ENROLL',
    };
  if (account.status === 'UNENROLLED')
    return {
      cause: 'Le compte est désinscrit : ses anciens identifiants ne fonctionnent plus.',
      fix: 'Inscrivez la personne puis générez de nouveaux identifiants.',
      action: 'ENROLL',
    };
  if (account.lockedUntil && account.lockedUntil > now) {
    return {
      cause: `Le compte est verrouillé temporairement jusqu'au ${formatLongDateTime(account.lockedUntil)} après ${account.failedLoginCount} essais infructueux.`,
      fix: 'Déverrouillez-le si la personne est bien à l’origine des essais, puis aidez-la à saisir son mot de passe (ou générez de nouveaux identifiants).',
      action: 'UNLOCK',
    };
  }
  if (!email)
    return {
      cause: "La personne n'a pas d'adresse e-mail : aucun identifiant ne peut lui être envoyé.",
      fix: 'Ajoutez une adresse e-mail à sa fiche, puis générez ses identifiants ; ou remettez-les-lui sur papier : « Générer la lettre d’identifiants » sur Gestion des accès.',
      action: 'ADD_EMAIL',
    };
  if (!account.credentialsGeneratedAt)
    return {
      cause: "Aucun identifiant n'a encore été généré pour ce compte.",
      fix: "Générez le mail d'identifiants (enveloppe bleue) puis envoyez-le.",
      action: 'GENERATE',
    };
  if (lastMail?.status === 'PENDING_REVIEW')
    return {
      cause: "Le mail d'identifiants attend votre vérification dans le centre d'envoi : il n'est pas parti.",
      fix: 'Vérifiez-le avec la loupe puis envoyez-le.',
      action: 'REVIEW_MAIL',
    };
  if (lastMail?.status === 'FAILED')
    return {
      cause: `Le mail d'identifiants n'a pas pu être envoyé${lastMail.lastError ? ` (${lastMail.lastError})` : ''}.`,
      fix: "Vérifiez l'adresse e-mail puis renvoyez le mail.",
      action: 'RETRY_MAIL',
    };
  if (lastMail && (lastMail.status === 'BOUNCED' || lastMail.status === 'COMPLAINED')) {
    const to = lastMail.toAddress ?? email;
    const sameAddress = to.trim().toLowerCase() === email.trim().toLowerCase();
    if (lastMail.status === 'COMPLAINED')
      return {
        cause: `Le mail d'identifiants a été signalé comme spam depuis l'adresse ${to} : la personne ne le retrouvera pas dans sa boîte de réception.`,
        fix: 'Appelez-la pour lui dire que ce mail vient bien de l’agence, puis générez de nouveaux identifiants.',
        action: 'GENERATE',
      };
    if (!sameAddress)
      return {
        cause: `Le dernier mail d'identifiants a été rejeté à l'ancienne adresse ${to} ; l'adresse a été corrigée depuis.`,
        fix: 'Générez de nouveaux identifiants : ils partiront à la nouvelle adresse.',
        action: 'GENERATE',
      };
    if (lastMail.deliveryKind === 'BLOCKED')
      return {
        cause: `Le mail n'est jamais arrivé : le serveur de l'adresse ${to} l'a bloqué${lastMail.deliveryDetail ? ` (${lastMail.deliveryDetail})` : ''}.`,
        fix: 'Vérifiez l’adresse avec la personne ou demandez-lui-en une autre, corrigez-la puis générez de nouveaux identifiants.',
        action: 'FIX_EMAIL',
      };
    return {
      cause: `Le mail n'est jamais arrivé : l'adresse ${to} n'existe pas.`,
      fix: 'Corrigez-la puis générez de nouveaux identifiants.',
      action: 'FIX_EMAIL',
    };
  }
  if (lastMail && (lastMail.status === 'CANCELLED' || lastMail.status === 'REPLACED'))
    return {
      cause: "Le dernier mail d'identifiants a été annulé : la personne n'a pas reçu d'identifiants valables.",
      fix: 'Générez de nouveaux identifiants.',
      action: 'GENERATE',
    };
  const expired = account.password?.isTemporary && account.password.expiresAt && account.password.expiresAt < now;
  if (expired)
    return {
      cause: `Le mot de passe provisoire a expiré le ${formatLongDateTime(account.password!.expiresAt!)}.`,
      fix: 'Générez de nouveaux identifiants.',
      action: 'GENERATE',
    };
  if (!account.password && account.verifications.length && account.verifications.every((v) => v.expiresAt < now)) {
    return {
      cause: `Le lien d'activation a expiré le ${formatLongDateTime(account.verifications[0].expiresAt)} sans avoir servi.`,
      fix: 'Générez de nouveaux identifiants.',
      action: 'GENERATE',
    };
  }
  const lastSuccess = attempts.find((a) => a.outcome === 'SUCCESS')?.at ?? account.lastLoginAt ?? new Date(0);
  const failuresSince = attempts.filter((a) => a.at > lastSuccess);
  const typo = failuresSince.find((a) => a.outcome === 'POSSIBLE_TYPO');
  if (typo)
    return {
      cause: `La personne semble se tromper d'identifiant : « ${typo.typed} » a été saisi le ${formatLongDateTime(typo.at)}, son identifiant est « ${account.login} ».`,
      fix: 'Rappelez-lui son identifiant exact (sans espace ; majuscules indifférentes).',
      action: 'NONE',
    };
  const wrong = failuresSince.filter((a) => a.outcome === 'WRONG_PASSWORD');
  if (wrong.length)
    return {
      cause: `Mot de passe erroné ${wrong.length} fois depuis le ${formatLongDateTime(wrong[wrong.length - 1].at)} : probablement oublié, ou mal saisi (majuscules, chiffres, caractères spéciaux).`,
      fix: 'Proposez « Mot de passe oublié ? » sur la page de connexion, ou générez de nouveaux identifiants.',
      action: 'GENERATE',
    };
  if (!account.lastLoginAt && lastMail?.status === 'SENT')
    return {
      cause: `Identifiants envoyés le ${formatLongDateTime(lastMail.sentAt ?? lastMail.createdAt)} mais jamais utilisés.${transientNote(lastMail)}`,
      fix: 'Vérifiez avec la personne que le mail est arrivé (courrier indésirable), sinon renvoyez de nouveaux identifiants.',
      action: 'GENERATE',
    };
  if (account.lastLoginAt)
    return {
      cause: `Aucun problème détecté : dernière connexion réussie le ${formatLongDateTime(account.lastLoginAt)}.`,
      fix: "Si la personne n'y arrive pas, vérifiez le navigateur ou l'appareil utilisé.",
      action: 'NONE',
    };
  return {
    cause: "Les identifiants sont en cours d'envoi.",
    fix: "Attendez l'envoi du mail puis vérifiez qu'il est arrivé.",
    action: 'NONE',
  };
}

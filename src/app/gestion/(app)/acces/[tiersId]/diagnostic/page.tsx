import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { diagnose, type AttemptView, type FixAction } from '@/server/diagnostic/diagnose';
import { MAIL_STATUS_LABELS } from '@/shared/outbox/mail-labels';
import { describeDelivery } from '@/shared/outbox/delivery-labels';
import { EMAIL_INVALID_LABEL } from '@/shared/tiers/email-validity';
import { ACCESS_STATUS_LABELS } from '@/shared/access/access-status-labels';
import { ActionForm } from '@/ui/action-form';
import { formatShortDateTime } from '@/shared/dates';
import { SpaceViewButton } from '../../space-view-button';
import { enrollFix, generateFix, unlockFix } from './actions';
import { orNotFound } from '@/server/http/not-found';

export const metadata: Metadata = { title: 'Diagnostic de connexion' };

const OUTCOMES: Record<AttemptView['outcome'], string> = {
  SUCCESS: 'Connexion réussie',
  UNKNOWN_LOGIN: 'Identifiant inconnu',
  POSSIBLE_TYPO: 'Identifiant inconnu : possible erreur de saisie',
  WRONG_PASSWORD: 'Mot de passe erroné',
  UNENROLLED: 'Compte désinscrit',
  LOCKED: 'Compte verrouillé temporairement',
  TEMPORARY_PASSWORD_EXPIRED: 'Mot de passe provisoire expiré',
  THROTTLED: 'Trop de tentatives (ralenti)',
};

function FixButton({
  action,
  tiersId,
  mailId,
  canWrite,
}: {
  action: FixAction;
  tiersId: string;
  mailId: string | null;
  canWrite: boolean;
}) {
  const button = 'inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700';
  if (action === 'ADD_EMAIL' || action === 'FIX_EMAIL')
    return (
      <Link href={`/gestion/tiers/${tiersId}`} className={button}>
        {action === 'ADD_EMAIL' ? 'Ajouter une adresse e-mail' : "Corriger l'adresse e-mail"}
      </Link>
    );
  if ((action === 'REVIEW_MAIL' || action === 'RETRY_MAIL') && mailId) {
    return (
      <Link
        href={`/gestion/centre-envoi?statut=${action === 'RETRY_MAIL' ? 'FAILED' : 'PENDING_REVIEW'}`}
        className={button}
      >
        {action === 'RETRY_MAIL' ? 'Renvoyer le mail' : "Vérifier le mail dans le centre d'envoi"}
      </Link>
    );
  }
  if (!canWrite) return null;
  const fixes = {
    UNLOCK: [unlockFix, 'Déverrouiller'],
    ENROLL: [enrollFix, 'Inscrire'],
    GENERATE: [generateFix, 'Générer de nouveaux identifiants'],
  } as const;
  if (!(action in fixes)) return null;
  const [fix, label] = fixes[action as keyof typeof fixes];
  return (
    <ActionForm action={fix} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="tiersId" value={tiersId} />
      <input type="hidden" name="ids" value={tiersId} />
      <button type="submit" className={button}>
        {label}
      </button>
    </ActionForm>
  );
}

export default async function DiagnosticPage({ params }: { params: Promise<{ tiersId: string }> }) {
  const actor = await requireStaff('access:read');
  const { tiersId } = await params;
  const d = await orNotFound(diagnose(tiersId));
  const a = d.account;
  const facts: [string, React.ReactNode][] = [
    ['Identifiant', a ? <span className="font-mono">{a.login}</span> : '—'],
    [
      'Adresse e-mail',
      d.person.email ? (
        <>
          {d.person.email}
          {d.person.emailInvalid && (
            <span className="ml-2 inline-block rounded bg-red-100 px-2 py-0.5 text-sm font-medium text-red-900">
              {EMAIL_INVALID_LABEL}
            </span>
          )}
          {d.person.emailInvalid && (
            <span className="block text-sm text-red-700">
              Rejetée le {formatShortDateTime(d.person.emailInvalid.at)}
              {d.person.emailInvalid.reason ? ` : ${d.person.emailInvalid.reason}` : ''}
            </span>
          )}
        </>
      ) : (
        'aucune'
      ),
    ],
    ...(d.emailChangedAt
      ? ([['E-mail modifié le', formatShortDateTime(d.emailChangedAt)]] as [string, React.ReactNode][])
      : []),
    ["Statut d'accès", ACCESS_STATUS_LABELS[d.accessStatus]],
    [
      'Identifiants générés',
      a?.credentialsGeneratedAt
        ? `${formatShortDateTime(a.credentialsGeneratedAt)}${a.credentialsGeneratedBy ? ` par ${a.credentialsGeneratedBy}` : ''}`
        : 'jamais',
    ],
    [
      'Mot de passe provisoire',
      a?.temporaryPassword ? `expire le ${formatShortDateTime(a.temporaryPassword.expiresAt)}` : '—',
    ],
    [
      "Dernier mail d'identifiants",
      d.lastMail ? (
        <>
          {MAIL_STATUS_LABELS[d.lastMail.status]} · {formatShortDateTime(d.lastMail.sentAt ?? d.lastMail.createdAt)} ·{' '}
          <Link href={`/gestion/centre-envoi?statut=${d.lastMail.status}`} className="text-brand-700 underline">
            Centre d&apos;envoi
          </Link>
          {d.lastMail.lastError && <span className="block text-red-700">{d.lastMail.lastError}</span>}
          {d.lastMail.deliveryKind && d.lastMail.deliveryAt && (
            <span className="block text-slate-700">
              {describeDelivery(
                { kind: d.lastMail.deliveryKind, at: d.lastMail.deliveryAt, detail: d.lastMail.deliveryDetail },
                (date) => formatShortDateTime(date),
              )}
            </span>
          )}
        </>
      ) : (
        'aucun'
      ),
    ],
    ['Dernière connexion réussie', formatShortDateTime(a?.lastLoginAt, 'jamais')],
    [
      'Verrouillage',
      a?.lockedUntil ? `jusqu'au ${formatShortDateTime(a.lockedUntil)} (${a.failedLoginCount} essais)` : 'non',
    ],
    ['Sessions actives', a ? String(a.activeSessions) : '0'],
  ];

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href="/gestion/acces" className="text-brand-700 underline">
          Gestion des accès
        </Link>{' '}
        › {d.person.name}
      </nav>
      <h1 className="text-2xl font-semibold">Diagnostic de connexion – {d.person.name}</h1>
      <SpaceViewButton tiersId={d.person.id} />

      <section aria-labelledby="verdict-title" className="rounded-lg border-2 border-brand-600 bg-brand-50 p-5">
        <h2 id="verdict-title" className="text-sm font-semibold uppercase tracking-wide text-brand-900">
          Cause probable
        </h2>
        <p className="mt-1 text-lg font-medium">{d.verdict.cause}</p>
        <p className="mt-1">{d.verdict.fix}</p>
        <div className="mt-3">
          <FixButton
            action={d.verdict.action}
            tiersId={d.person.id}
            mailId={d.lastMail?.id ?? null}
            canWrite={can(actor.role, 'access:write')}
          />
        </div>
      </section>

      <section aria-labelledby="facts-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="facts-title" className="mb-3 text-lg font-semibold">
          Situation
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="attempts-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="attempts-title" className="mb-3 text-lg font-semibold">
          Tentatives de connexion récentes (30 jours)
        </h2>
        {d.attempts.length === 0 ? (
          <p className="text-slate-600">Aucune tentative de connexion ces 30 derniers jours.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="text-slate-600">
                <th scope="col" className="py-1 pr-3">
                  Date
                </th>
                <th scope="col" className="py-1 pr-3">
                  Identifiant saisi
                </th>
                <th scope="col" className="py-1 pr-3">
                  Résultat
                </th>
                <th scope="col" className="py-1">
                  Adresse IP
                </th>
              </tr>
            </thead>
            <tbody>
              {d.attempts.map((t, i) => (
                <tr key={i} className="border-t border-slate-100">
                  <td className="py-1 pr-3">{formatShortDateTime(t.at)}</td>
                  <td className="py-1 pr-3 font-mono">{t.typed}</td>
                  <td className={`py-1 pr-3 ${t.outcome === 'SUCCESS' ? 'text-emerald-800' : 'text-red-800'}`}>
                    {OUTCOMES[t.outcome]}
                  </td>
                  <td className="py-1 font-mono text-xs">{t.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p>
        <Link href={`/gestion/journal?personne=${d.person.id}`} className="text-brand-700 underline">
          Voir le journal de cette personne
        </Link>
      </p>
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { ActionForm } from '@/ui/action-form';
import { formatShortDateTime } from '@/shared/dates';
import { assignAction, handleAction } from './actions';
import { listAssignableStaff } from '@/server/assistance/list-assignable-staff';
import { listContactMessages } from '@/server/assistance/list-contact-messages';
import { ZMessageStatusFilter } from '@/server/assistance/schemas';

export const metadata: Metadata = { title: 'Assistance' };

const STEPS = [
  {
    title: 'Vérifier la situation',
    text: 'Identifiants obsolètes, mot de passe changé puis oublié, erreur de saisie (majuscules, chiffres, caractères spéciaux), autre navigateur ou appareil : le diagnostic de connexion de la personne indique la cause la plus probable.',
    link: { href: '/gestion/acces', label: 'Ouvrir Gestion des accès' },
  },
  {
    title: 'Retrouver la personne',
    text: 'Menu Communication → Gestion des accès : choisissez le type (Locataire ou Propriétaire), puis cliquez sur Afficher. Vous pouvez rechercher par nom, identifiant, e-mail ou référence.',
    link: { href: '/gestion/acces', label: 'Communication → Gestion des accès' },
  },
  {
    title: 'Désinscrire',
    text: 'Cochez la personne puis cliquez sur Désinscrire, à droite : ses anciens identifiants cessent de fonctionner immédiatement et ses sessions ouvertes prennent fin.',
  },
  {
    title: 'Inscrire et envoyer de nouveaux identifiants',
    text: "Cliquez sur Inscrire, puis sur l'enveloppe bleue : un mail avec de nouveaux identifiants est préparé dans le centre d'envoi. Vérifiez-le avec la loupe (Aperçu), puis envoyez-le : la personne peut se connecter aussitôt.",
    link: { href: '/gestion/centre-envoi', label: "Ouvrir le centre d'envoi" },
  },
];

const FILTERS = [
  { value: 'NEW', label: 'Nouveaux' },
  { value: 'HANDLED', label: 'Traités' },
  { value: 'ALL', label: 'Tous' },
] as const;

export default async function AssistancePage({ searchParams }: { searchParams: Promise<{ statut?: string }> }) {
  const actor = await requireStaff('assistance:read');
  const status = ZMessageStatusFilter.parse((await searchParams).statut);
  const [messages, staff] = await Promise.all([listContactMessages(status), listAssignableStaff()]);
  const canWrite = can(actor.role, 'assistance:write');

  return (
    <div className="flex max-w-5xl flex-col gap-8">
      <h1 className="text-2xl font-semibold">Assistance</h1>

      <section aria-labelledby="guide-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="guide-title" className="mb-1 text-lg font-semibold">
          Une personne n&apos;arrive pas à se connecter à l&apos;extranet
        </h2>
        <p className="mb-4 text-slate-600">La procédure, étape par étape. Chaque étape est tracée dans le journal.</p>
        <ol className="flex flex-col gap-4">
          {STEPS.map((step, i) => (
            <li key={step.title} className="flex gap-3">
              <span
                aria-hidden="true"
                className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white"
              >
                {i + 1}
              </span>
              <div>
                <h3 className="font-semibold">{step.title}</h3>
                <p className="text-slate-700">{step.text}</p>
                {step.link && (
                  <Link href={step.link.href} className="text-brand-700 underline">
                    {step.link.label}
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="messages-title" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="messages-title" className="text-lg font-semibold">
            Messages reçus depuis l&apos;extranet
          </h2>
          <nav aria-label="Filtrer les messages" className="flex gap-2">
            {FILTERS.map((f) => (
              <Link
                key={f.value}
                href={`/gestion/assistance?statut=${f.value}`}
                aria-current={status === f.value ? 'page' : undefined}
                className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
              >
                {f.label}
              </Link>
            ))}
          </nav>
        </div>
        {messages.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
            Aucun message {status === 'NEW' ? 'nouveau' : status === 'HANDLED' ? 'traité' : ''}. Les locataires et
            propriétaires écrivent depuis « Contacter l&apos;agence » dans leur espace.
          </p>
        ) : (
          <ul className="flex flex-col gap-3">
            {messages.map((m) => (
              <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-semibold">{m.subject}</h3>
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium ${m.status === 'NEW' ? 'bg-amber-100 text-amber-900' : 'bg-emerald-100 text-emerald-900'}`}
                  >
                    {m.status === 'NEW' ? 'Nouveau' : 'Traité'}
                  </span>
                </div>
                <p className="text-sm text-slate-600">
                  {m.person.name} ({m.person.kind === 'LOCATAIRE' ? 'locataire' : 'propriétaire'}) ·{' '}
                  {formatShortDateTime(m.createdAt)}
                  {m.person.email && <> · {m.person.email}</>}
                  {m.person.phone && <> · {m.person.phone}</>}
                </p>
                <p className="mt-2 whitespace-pre-line">{m.body}</p>
                <div className="mt-3 flex flex-wrap items-end gap-3 text-sm">
                  <span>Suivi par : {m.assignedTo?.name ?? 'personne'}</span>
                  {canWrite && (
                    <>
                      <ActionForm action={assignAction} className="flex flex-wrap items-end gap-2">
                        <input type="hidden" name="messageId" value={m.id} />
                        <label className="flex flex-col gap-1">
                          Confier à
                          <select
                            name="staffId"
                            defaultValue={m.assignedTo?.id ?? ''}
                            className="rounded-md border border-slate-400 bg-white px-2 py-1"
                          >
                            <option value="" disabled>
                              Choisir…
                            </option>
                            {staff.map((s) => (
                              <option key={s.id} value={s.id}>
                                {s.name}
                              </option>
                            ))}
                          </select>
                        </label>
                        <button
                          type="submit"
                          className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100"
                        >
                          Assigner
                        </button>
                      </ActionForm>
                      {m.status === 'NEW' && (
                        <ActionForm action={handleAction}>
                          <input type="hidden" name="messageId" value={m.id} />
                          <button
                            type="submit"
                            className="rounded-md bg-brand-600 px-3 py-1 font-medium text-white hover:bg-brand-700"
                          >
                            Marquer comme traité
                          </button>
                        </ActionForm>
                      )}
                    </>
                  )}
                  <Link href={`/gestion/acces/${m.person.id}/diagnostic`} className="text-brand-700 underline">
                    Diagnostic de connexion
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

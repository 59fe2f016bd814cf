import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/server/auth/staff-session';
import { getSummary } from '@/server/dashboard/get-summary';
import { countAccountsByStatus } from '@/server/access/list-accounts';
import { ZListQuery } from '@/server/access/schemas';
import { ACCESS_STATUS_LABELS, ACCESS_STATUS_SLUGS, ACCESS_STATUSES } from '@/shared/access/access-status-labels';
import { ActivationFunnel } from './acces/activation-funnel';

export const metadata: Metadata = { title: 'Accueil' };

const numbers = new Intl.NumberFormat('fr-FR');

export default async function BackOfficeHome() {
  const actor = await requireStaff('access:read');
  const [s, statuses] = await Promise.all([getSummary(), countAccountsByStatus(ZListQuery.parse({}))]);
  // The Statut d'accès in the list's own words, each number a link to the list filtered by it.
  const cards = [
    ...ACCESS_STATUSES.filter((status) => status !== 'NOT_ENROLLED').map((status) => ({
      label: ACCESS_STATUS_LABELS[status],
      value: statuses[status],
      href: `/gestion/acces?statut=${ACCESS_STATUS_SLUGS[status]}`,
      alert: status === 'LOCKED' && statuses[status] > 0,
    })),
    {
      label: 'Mails à vérifier',
      value: s.toReview,
      href: '/gestion/centre-envoi?statut=PENDING_REVIEW',
      alert: s.toReview > 0,
    },
    { label: 'Mails en échec', value: s.failed, href: '/gestion/centre-envoi?statut=FAILED', alert: s.failed > 0 },
  ];
  return (
    <section aria-labelledby="page-title" className="flex max-w-5xl flex-col gap-6">
      <h1 id="page-title" className="text-2xl font-semibold">
        Bonjour {actor.name}
      </h1>
      <p className="text-slate-600">
        {numbers.format(s.locataires)} locataires et {numbers.format(s.proprietaires)} propriétaires suivis par
        l&apos;agence.
      </p>
      <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {cards.map((c) => (
          <div
            key={c.label}
            className={`rounded-lg border bg-white p-4 ${c.alert ? 'border-amber-400' : 'border-slate-200'}`}
          >
            <dt className="text-sm text-slate-600">{c.label}</dt>
            <dd className="text-2xl font-semibold">
              <Link href={c.href} className="hover:underline">
                {numbers.format(c.value)}
                <span className="sr-only"> : voir la liste</span>
                {c.alert && <span className="sr-only"> (à traiter)</span>}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <ActivationFunnel compact />
      <p>
        Quelqu&apos;un n&apos;arrive pas à se connecter ? Suivez la{' '}
        <Link href="/gestion/assistance" className="text-brand-700 underline">
          procédure d&apos;assistance
        </Link>{' '}
        ou ouvrez directement{' '}
        <Link href="/gestion/acces" className="text-brand-700 underline">
          Communication → Gestion des accès
        </Link>
        .
      </p>
    </section>
  );
}

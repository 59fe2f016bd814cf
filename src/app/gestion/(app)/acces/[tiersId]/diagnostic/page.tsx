import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ACCESS_STATUS_LABELS } from '@/server/access/access-status';
import { getAccessSummary } from '@/server/access/get-access-summary';
import { requireStaff } from '@/server/auth/staff-session';
import { NotFoundError } from '@/server/errors';
import { formatShortDateTime } from '../../format';

export const metadata: Metadata = { title: 'Diagnostic de connexion' };

// A first, honest version: the facts known today. The detailed diagnostic (attempts, lock, verdict) comes later.
export default async function DiagnosticPage({ params }: { params: Promise<{ tiersId: string }> }) {
  await requireStaff('access:read');
  const { tiersId } = await params;
  const summary = await getAccessSummary(tiersId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const facts: [string, string][] = [
    ["Statut d'accès", ACCESS_STATUS_LABELS[summary.status]],
    ['Identifiant', summary.login ?? '—'],
    ['Adresse e-mail', summary.email ?? 'Aucune : ajoutez-la dans la fiche tiers pour pouvoir envoyer des identifiants'],
    ['Dernière connexion', summary.lastLoginAt ? formatShortDateTime(summary.lastLoginAt) : 'Jamais'],
    [
      'Identifiants générés',
      summary.credentialsGeneratedAt ? `le ${formatShortDateTime(summary.credentialsGeneratedAt)}${summary.credentialsGeneratedBy ? ` par ${summary.credentialsGeneratedBy}` : ''}` : 'Jamais',
    ],
  ];
  return (
    <section aria-labelledby="page-title" className="flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/gestion/acces" className="text-brand-700 underline">
          ← Gestion des accès
        </Link>
      </p>
      <h1 id="page-title" className="text-2xl font-semibold">
        Diagnostic de connexion – {summary.name}
      </h1>
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-700">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
        Le diagnostic détaillé arrive bientôt : tentatives de connexion récentes, verrouillage et cause probable.
      </p>
    </section>
  );
}

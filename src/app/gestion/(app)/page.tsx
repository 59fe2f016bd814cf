import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/server/auth/staff-session';
import { getSummary } from '@/server/dashboard/get-summary';

export const metadata: Metadata = { title: 'Accueil' };

const numbers = new Intl.NumberFormat('fr-FR');

export default async function BackOfficeHome() {
  const actor = await requireStaff('access:read');
  const summary = await getSummary();
  const cards = [
    { label: 'Locataires', value: summary.locataires },
    { label: 'Propriétaires', value: summary.proprietaires },
    { label: "Inscrits à l'extranet", value: summary.enrolled },
  ];
  return (
    <section aria-labelledby="page-title" className="flex max-w-4xl flex-col gap-6">
      <h1 id="page-title" className="text-2xl font-semibold">
        Bonjour {actor.name}
      </h1>
      <dl className="grid gap-4 sm:grid-cols-3">
        {cards.map((c) => (
          <div key={c.label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{c.label}</dt>
            <dd className="text-2xl font-semibold">{numbers.format(c.value)}</dd>
          </div>
        ))}
      </dl>
      <p>
        Quelqu&apos;un n&apos;arrive pas à se connecter ? Ouvrez{' '}
        <Link href="/gestion/acces" className="text-brand-700 underline">
          Communication → Gestion des accès
        </Link>
        .
      </p>
    </section>
  );
}

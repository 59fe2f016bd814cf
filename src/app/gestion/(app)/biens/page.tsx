import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { LEASE_STATUS_LABELS, leaseStatus } from '@/server/leases/lease-status';
import { listProperties, ZPropertyListQuery } from '@/server/properties/list-properties';
import { PROPERTY_KIND_LABELS } from '@/server/properties/schemas';
import { displayName } from '@/server/tiers/names';
import { buttonClass } from '@/ui/action-form';

export const metadata: Metadata = { title: 'Biens' };

export default async function BiensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff('tiers:read');
  const query = ZPropertyListQuery.parse(await searchParams);
  const { rows, total, pages } = await listProperties(query);
  const pageHref = (page: number) => `/gestion/biens?${new URLSearchParams({ q: query.q, page: String(page) })}`;
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="page-title" className="text-2xl font-semibold">
          Biens
        </h1>
        {can(actor.role, 'tiers:write') && (
          <Link href="/gestion/biens/nouveau" className={buttonClass}>
            Nouveau bien
          </Link>
        )}
      </div>
      <form method="get" role="search" aria-label="Rechercher un bien" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="biens-q" className="text-sm font-medium">
            Rechercher
          </label>
          <input id="biens-q" name="q" type="search" defaultValue={query.q} placeholder="Adresse, ville, référence, propriétaire…" className="w-80 rounded-md border border-slate-400 px-3 py-2" />
        </div>
        <button type="submit" className={buttonClass}>
          Afficher
        </button>
      </form>
      <p role="status">{total === 0 ? 'Aucun bien ne correspond : modifiez la recherche, ou créez ou importez des biens.' : `${total} bien${total > 1 ? 's' : ''}`}</p>
      {rows.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Liste des biens</caption>
            <thead className="bg-slate-50">
              <tr>
                {['Adresse', 'Lot', 'Type', 'Référence', 'Propriétaire', 'Bail'].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={`/gestion/biens/${p.id}`} className="text-brand-700 underline">
                      {p.addressLine}, {p.postalCode} {p.city}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{p.unitLabel ?? '—'}</td>
                  <td className="px-3 py-2">{PROPERTY_KIND_LABELS[p.kind]}</td>
                  <td className="px-3 py-2">{p.externalRef ?? '—'}</td>
                  <td className="px-3 py-2">
                    <Link href={`/gestion/tiers/${p.owner.id}`} className="underline">
                      {displayName(p.owner)}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{p.leases[0] ? LEASE_STATUS_LABELS[leaseStatus(p.leases[0])] : 'Vacant'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3">
          {query.page > 1 && <Link href={pageHref(query.page - 1)} className="underline">Page précédente</Link>}
          <span>
            Page {query.page} sur {pages}
          </span>
          {query.page < pages && <Link href={pageHref(query.page + 1)} className="underline">Page suivante</Link>}
        </nav>
      )}
    </section>
  );
}

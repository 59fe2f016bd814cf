import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { LEASE_STATUS_LABELS, leaseStatus } from '@/server/leases/lease-status';
import { listProperties, ZPropertyListQuery } from '@/server/properties/list-properties';
import { PROPERTY_KIND_LABELS } from '@/shared/properties/labels';
import { displayName } from '@/shared/tiers/names';
import { buttonClass } from '@/ui/action-form';
import { FilterSearch } from '@/ui/filter';
import { Pager } from '@/ui/pager';
import { Table } from '@/ui/table';

export const metadata: Metadata = { title: 'Biens' };

export default async function BiensPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
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
      <form
        method="get"
        role="search"
        aria-label="Rechercher un bien"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <FilterSearch
          id="biens-q"
          defaultValue={query.q}
          placeholder="Adresse, ville, référence, propriétaire…"
          className="w-80"
        />
        <button type="submit" className={buttonClass}>
          Afficher
        </button>
      </form>
      <p role="status">
        {total === 0
          ? 'Aucun bien ne correspond : modifiez la recherche, ou créez ou importez des biens.'
          : `${total} bien${total > 1 ? 's' : ''}`}
      </p>
      {rows.length > 0 && (
        <Table caption="Liste des biens" columns={['Adresse', 'Lot', 'Type', 'Référence', 'Propriétaire', 'Bail']}>
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
        </Table>
      )}
      <Pager page={query.page} pages={pages} href={pageHref} />
    </section>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { listTiers, ZTiersListQuery } from '@/server/tiers/list-tiers';
import { displayName } from '@/server/tiers/names';
import { TIERS_KIND_LABELS } from '@/server/tiers/schemas';
import { buttonClass, secondaryButtonClass } from '@/ui/action-form';

export const metadata: Metadata = { title: 'Tiers' };

const numbers = new Intl.NumberFormat('fr-FR');

export default async function TiersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff('tiers:read');
  const query = ZTiersListQuery.parse(await searchParams);
  const { rows, total, pages } = await listTiers(query);
  const pageHref = (page: number) => `/gestion/tiers?${new URLSearchParams({ q: query.q, type: query.type, statut: query.statut, page: String(page) })}`;
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="page-title" className="text-2xl font-semibold">
          Tiers
        </h1>
        {can(actor.role, 'tiers:write') && (
          <div className="flex gap-2">
            <Link href="/gestion/tiers/nouveau" className={buttonClass}>
              Nouveau tiers
            </Link>
            <Link href="/gestion/tiers/import" className={secondaryButtonClass}>
              Importer un fichier
            </Link>
          </div>
        )}
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" role="search" aria-label="Filtrer les tiers">
        <div className="flex flex-col gap-1">
          <label htmlFor="tiers-q" className="text-sm font-medium">
            Rechercher
          </label>
          <input id="tiers-q" name="q" type="search" defaultValue={query.q} placeholder="Nom, e-mail, référence, ville…" className="w-72 rounded-md border border-slate-400 px-3 py-2" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="tiers-type" className="text-sm font-medium">
            Type
          </label>
          <select id="tiers-type" name="type" defaultValue={query.type} className="rounded-md border border-slate-400 bg-white px-3 py-2">
            <option value="TOUS">Tous</option>
            <option value="LOCATAIRE">Locataire</option>
            <option value="PROPRIETAIRE">Propriétaire</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="tiers-statut" className="text-sm font-medium">
            Statut
          </label>
          <select id="tiers-statut" name="statut" defaultValue={query.statut} className="rounded-md border border-slate-400 bg-white px-3 py-2">
            <option value="actifs">Actifs</option>
            <option value="archives">Archivés</option>
            <option value="tous">Tous</option>
          </select>
        </div>
        <button type="submit" className={buttonClass}>
          Afficher
        </button>
      </form>
      <p role="status">
        {total === 0 ? 'Aucun tiers ne correspond : modifiez la recherche, ou créez ou importez des tiers.' : `${numbers.format(total)} tiers`}
      </p>
      {rows.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Liste des tiers</caption>
            <thead className="bg-slate-50">
              <tr>
                {['Nom', 'Type', 'Référence', 'E-mail', 'Téléphone', 'Ville'].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => (
                <tr key={t.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={`/gestion/tiers/${t.id}`} className="text-brand-700 underline">
                      {displayName(t)}
                    </Link>
                    {t.archivedAt && <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">Archivé</span>}
                  </td>
                  <td className="px-3 py-2">{TIERS_KIND_LABELS[t.kind]}</td>
                  <td className="px-3 py-2">{t.externalRef ?? '—'}</td>
                  <td className="px-3 py-2">{t.email ?? <span className="text-amber-800">Pas d&apos;e-mail</span>}</td>
                  <td className="px-3 py-2">{t.phone ?? '—'}</td>
                  <td className="px-3 py-2">{t.city ?? '—'}</td>
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

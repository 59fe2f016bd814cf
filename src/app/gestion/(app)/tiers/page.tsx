import type { Metadata } from 'next';
import { EMAIL_INVALID_LABEL, isEmailInvalid } from '@/shared/tiers/email-validity';
import Link from 'next/link';
import { can } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { listTiers, ZTiersListQuery } from '@/server/tiers/list-tiers';
import { displayName } from '@/shared/tiers/names';
import { TIERS_KIND_LABELS } from '@/server/tiers/schemas';
import { buttonClass, secondaryButtonClass } from '@/ui/action-form';
import { FilterSelect } from '@/ui/filter';
import { LiveSearch } from '@/ui/live-search';
import { Pager } from '@/ui/pager';
import { Table } from '@/ui/table';

export const metadata: Metadata = { title: 'Tiers' };

const numbers = new Intl.NumberFormat('fr-FR');

export default async function TiersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaff('tiers:read');
  const query = ZTiersListQuery.parse(await searchParams);
  const { rows, total, pages } = await listTiers(query);
  const pageHref = (page: number) =>
    `/gestion/tiers?${new URLSearchParams({ q: query.q, type: query.type, statut: query.statut, page: String(page) })}`;
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
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        role="search"
        aria-label="Filtrer les tiers"
      >
        <LiveSearch
          id="tiers-q"
          defaultValue={query.q}
          placeholder="Nom, e-mail, téléphone, référence, ville…"
          className="w-72"
        />
        <FilterSelect
          id="tiers-type"
          label="Type"
          name="type"
          defaultValue={query.type}
          options={{ TOUS: 'Tous', ...TIERS_KIND_LABELS }}
        />
        <FilterSelect
          id="tiers-statut"
          label="Statut"
          name="statut"
          defaultValue={query.statut}
          options={{ actifs: 'Actifs', archives: 'Archivés', tous: 'Tous' }}
        />
        <button type="submit" className={buttonClass}>
          Afficher
        </button>
      </form>
      <p role="status">
        {total === 0
          ? 'Aucun tiers ne correspond : modifiez la recherche, ou créez ou importez des tiers.'
          : `${numbers.format(total)} tiers`}
      </p>
      {rows.length > 0 && (
        <Table caption="Liste des tiers" columns={['Nom', 'Type', 'Référence', 'E-mail', 'Téléphone', 'Ville']}>
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
              <td className="px-3 py-2">
                {t.email ?? <span className="text-amber-800">Pas d&apos;e-mail</span>}
                {isEmailInvalid(t) && (
                  <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900">
                    {EMAIL_INVALID_LABEL}
                  </span>
                )}
              </td>
              <td className="px-3 py-2">{t.phone ?? '—'}</td>
              <td className="px-3 py-2">{t.city ?? '—'}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager page={query.page} pages={pages} href={pageHref} />
    </section>
  );
}

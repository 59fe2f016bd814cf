import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { listRecentCredentialsJobs } from '@/server/access/credentials-job';
import { listAccounts, ZListQuery, type TListQuery } from '@/server/access/list-accounts';
import { FilterSelect } from '@/ui/filter';
import { LiveSearch } from '@/ui/live-search';
import { AccessTable } from './access-table';
import { ActivationFunnel } from './activation-funnel';
import { SelectionPanel } from './selection-panel';

export const metadata: Metadata = { title: 'Gestion des accès' };

/** The list's URL with some parameters changed; the cursors are dropped unless given. */
function href(query: TListQuery, change: Partial<TListQuery>): string {
  const next = {
    type: query.type,
    q: query.q,
    tri: query.tri,
    apres: undefined,
    avant: undefined,
    ...change,
  } as Record<string, string | undefined>;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next))
    if (value && !(key === 'tri' && value === 'nom') && !(key === 'type' && value === 'tous')) params.set(key, value);
  const search = params.toString();
  return `/gestion/acces${search ? `?${search}` : ''}`;
}

export default async function AccesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaff('access:read');
  const raw = await searchParams;
  const query = ZListQuery.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const canWrite = can(actor.role, 'access:write');
  const [page, jobs] = await Promise.all([listAccounts(query), canWrite ? listRecentCredentialsJobs(actor.id) : []]);
  const sortLinks = {
    sort: query.tri,
    byName: href(query, { tri: 'nom' }),
    byLastLogin: href(query, { tri: 'connexion' }),
  };

  const table = page.rows.length ? (
    <AccessTable rows={page.rows} selectable={canWrite} sortLinks={sortLinks} />
  ) : (
    <p className="p-6 text-slate-700">
      {query.q
        ? `Personne ne correspond à « ${query.q} » : vérifiez l'orthographe, ou cherchez une partie du nom, de l'identifiant, de l'e-mail, du téléphone ou de la référence.`
        : 'Aucun tiers de ce type. Créez-les ou importez-les depuis la page Tiers.'}
    </p>
  );

  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-6">
      <div>
        <h1 id="page-title" className="text-2xl font-semibold">
          Gestion des accès
        </h1>
        <p className="mt-1 text-slate-700">
          Inscrivez ou désinscrivez les locataires et propriétaires, et générez leurs identifiants de l&apos;espace en
          ligne.
          {!canWrite && ' Votre rôle permet de consulter cette page, pas de modifier les accès.'}
        </p>
      </div>

      <ActivationFunnel />

      <form
        method="get"
        action="/gestion/acces"
        role="search"
        aria-label="Filtrer la liste"
        className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <FilterSelect
          id="filtre-type"
          label="Type"
          name="type"
          defaultValue={query.type}
          options={{ locataire: 'Locataire', proprietaire: 'Propriétaire', tous: 'Tous' }}
        />
        <LiveSearch
          id="filtre-q"
          defaultValue={query.q}
          hint="Nom dans n'importe quel ordre, même en partie (« cédric andré », « andr céd »), identifiant, e-mail ou une partie, téléphone, référence. La liste suit la saisie."
          className="min-w-64 flex-1"
        />
        {query.tri !== 'nom' && <input type="hidden" name="tri" value={query.tri} />}
        <button
          type="submit"
          className="mb-5 rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Afficher
        </button>
      </form>

      {canWrite ? (
        <SelectionPanel jobs={jobs}>{table}</SelectionPanel>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">{table}</div>
      )}

      {(page.previous || page.next) && (
        <nav aria-label="Pagination" className="flex gap-4">
          {page.previous && (
            <Link
              href={href(query, { avant: page.previous })}
              className="rounded-md border border-slate-400 px-3 py-2 hover:bg-slate-50"
            >
              Précédent
            </Link>
          )}
          {page.next && (
            <Link
              href={href(query, { apres: page.next })}
              className="rounded-md border border-slate-400 px-3 py-2 hover:bg-slate-50"
            >
              Suivant
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { listRecentCredentialsJobs } from '@/server/access/credentials-job';
import { countAccountsByStatus, listAccounts } from '@/server/access/list-accounts';
import { PAGE_SIZE, PAGE_SIZES, ZListQuery, type TListQuery } from '@/server/access/schemas';
import { ACCESS_STATUS_LABELS, ACCESS_STATUS_SLUGS, ACCESS_STATUSES } from '@/shared/access/access-status-labels';
import { FilterSelect } from '@/ui/filter';
import { LiveSearch } from '@/ui/live-search';
import { PageSizeLinks } from '@/ui/pager';
import { AccessTable } from './access-table';
import { PageRows } from './selection/page-rows';
import { SelectionToolbar } from './selection/selection-toolbar';
import { ActivationFunnel } from './activation-funnel';
import { ScrollRegion } from '@/ui/scroll-region';

export const metadata: Metadata = { title: 'Gestion des accès' };

/** The list's filter as URL parameters (defaults left out). */
function params(query: TListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.type !== 'tous') out.type = query.type;
  if (query.q) out.q = query.q;
  if (query.statut) out.statut = ACCESS_STATUS_SLUGS[query.statut];
  if (query.taille !== PAGE_SIZE) out.taille = String(query.taille);
  if (query.tri !== 'nom') out.tri = query.tri;
  return out;
}

/** The list's URL with some parameters changed; the cursors are dropped unless given. */
function href(query: TListQuery, change: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params(query), ...change })) if (value) search.set(key, value);
  const s = search.toString();
  return `/gestion/acces${s ? `?${s}` : ''}`;
}

const numbers = new Intl.NumberFormat('fr-FR');

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
  const [page, counts, jobs] = await Promise.all([
    listAccounts(query),
    countAccountsByStatus(query),
    canWrite ? listRecentCredentialsJobs(actor.id) : [],
  ]);
  const total = query.statut ? counts[query.statut] : Object.values(counts).reduce((a, b) => a + b, 0);
  const sortLinks = {
    sort: query.tri,
    byName: href(query, { tri: undefined }),
    byLastLogin: href(query, { tri: 'connexion' }),
  };

  const table = page.rows.length ? (
    <AccessTable rows={page.rows} selectable={canWrite} sortLinks={sortLinks} />
  ) : (
    <p className="p-6 text-slate-700">
      {query.q
        ? `Personne ne correspond à « ${query.q} » : vérifiez l'orthographe, ou cherchez une partie du nom, de l'identifiant, de l'e-mail, du téléphone ou de la référence.`
        : query.statut
          ? `Personne n'a le statut « ${ACCESS_STATUS_LABELS[query.statut]} » : choisissez un autre statut, ou « Tous les statuts ».`
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
        <FilterSelect
          id="filtre-statut"
          label="Statut d'accès"
          name="statut"
          defaultValue={query.statut ? ACCESS_STATUS_SLUGS[query.statut] : ''}
          options={{
            '': `Tous les statuts (${numbers.format(Object.values(counts).reduce((a, b) => a + b, 0))})`,
            ...Object.fromEntries(
              ACCESS_STATUSES.map((s) => [
                ACCESS_STATUS_SLUGS[s],
                `${ACCESS_STATUS_LABELS[s]} (${numbers.format(counts[s])})`,
              ]),
            ),
          }}
        />
        {query.tri !== 'nom' && <input type="hidden" name="tri" value={query.tri} />}
        {query.taille !== PAGE_SIZE && <input type="hidden" name="taille" value={query.taille} />}
        <button
          type="submit"
          className="mb-5 rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Afficher
        </button>
      </form>

      <PageRows rows={page.rows.map((r) => ({ id: r.tiersId, name: r.name, status: r.status, hasEmail: r.hasEmail }))}>
        {canWrite && (
          <SelectionToolbar
            jobs={jobs}
            query={params(query)}
            total={total}
            canPreview={can(actor.role, 'outbox:send')}
          />
        )}
        <ScrollRegion label="Liste des accès">{table}</ScrollRegion>
      </PageRows>

      <div className="flex flex-wrap items-center justify-between gap-4">
        {page.previous || page.next ? (
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
        ) : (
          <span />
        )}
        <PageSizeLinks
          size={query.taille}
          sizes={PAGE_SIZES}
          href={(n) => href(query, { taille: n === PAGE_SIZE ? '' : String(n) })}
        />
      </div>
    </section>
  );
}

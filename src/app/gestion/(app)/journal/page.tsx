import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/server/auth/staff-session';
import { eventLabel, TARGET_LABELS, TARGET_TYPES } from '@/server/journal/events';
import { journalFilterOptions, listEvents, ZJournalFilter } from '@/server/journal/list-events';
import { formatShortDateTime } from '@/shared/dates';
import { LiveSearch } from '@/ui/live-search';
import { Table } from '@/ui/table';

export const metadata: Metadata = { title: 'Journal' };

const input = 'rounded-md border border-slate-400 bg-white px-3 py-2';

export default async function JournalPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff('journal:read');
  const raw = await searchParams;
  const parsed = ZJournalFilter.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')),
  );
  const filter = parsed.success ? parsed.data : {};
  const [{ rows, nextCursor }, options] = await Promise.all([listEvents(filter), journalFilterOptions()]);
  const query = new URLSearchParams(
    Object.entries(filter).filter(([k, v]) => v && k !== 'avant') as [string, string][],
  );

  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id="page-title" className="text-2xl font-semibold">
            Journal
          </h1>
          <p className="text-slate-600">
            Chaque événement d&apos;accès et d&apos;envoi : qui, quoi, pour qui, quand, depuis quelle adresse IP. Le
            journal ne peut être ni modifié ni effacé.
          </p>
        </div>
        <a
          href={`/gestion/journal/export?${query}`}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100"
        >
          Exporter en CSV
        </a>
      </div>

      {!parsed.success && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800">
          {parsed.error.issues[0].message}
        </p>
      )}

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <LiveSearch
          id="journal-personne"
          label="Personne"
          defaultValue={filter.q}
          placeholder="Nom, e-mail, téléphone, référence…"
          className="min-w-64"
        />
        <label className="flex flex-col gap-1 text-sm font-medium">
          Du
          <input type="date" name="du" defaultValue={filter.du} className={input} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Au
          <input type="date" name="au" defaultValue={filter.au} className={input} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Événement
          <select name="type" defaultValue={filter.type ?? ''} className={input}>
            <option value="">Tous</option>
            {options.types.map((t) => (
              <option key={t} value={t}>
                {eventLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Cible
          <select name="cible" defaultValue={filter.cible ?? ''} className={input}>
            <option value="">Toutes</option>
            {TARGET_TYPES.map((t) => (
              <option key={t} value={t}>
                {TARGET_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Acteur
          <select name="acteur" defaultValue={filter.acteur ?? ''} className={input}>
            <option value="">Tous</option>
            {options.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {filter.personne && <input type="hidden" name="personne" value={filter.personne} />}
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Filtrer
        </button>
        {query.size > 0 && (
          <Link href="/gestion/journal" className="px-2 py-2 text-brand-700 underline">
            Effacer les filtres
          </Link>
        )}
      </form>

      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          Aucun événement pour ces filtres. Élargissez la période ou effacez les filtres.
        </p>
      ) : (
        <Table
          caption="Événements du journal, du plus récent au plus ancien"
          columns={['Date', 'Événement', 'Acteur', 'Personne', 'Adresse IP', 'Détails']}
          mutedHeader
        >
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-3 py-2">{formatShortDateTime(r.createdAt)}</td>
              <td className="px-3 py-2">{eventLabel(r.type)}</td>
              <td className="px-3 py-2">{r.actor}</td>
              <td className="px-3 py-2">
                {r.person ? (
                  <Link href={`/gestion/journal?personne=${r.person.id}`} className="text-brand-700 underline">
                    {r.person.name}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{r.ip ?? '—'}</td>
              <td className="max-w-xs break-words px-3 py-2 font-mono text-xs text-slate-600">{r.details ?? ''}</td>
            </tr>
          ))}
        </Table>
      )}
      {nextCursor && (
        <Link
          href={`/gestion/journal?${new URLSearchParams([...query, ['avant', nextCursor]])}`}
          className="self-start text-brand-700 underline"
        >
          Événements plus anciens
        </Link>
      )}
    </section>
  );
}

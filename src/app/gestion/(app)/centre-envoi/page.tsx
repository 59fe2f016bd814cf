import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { MAIL_STATUS_LABELS, MAIL_TYPE_LABELS } from '@/shared/outbox/mail-labels';
import { listOutbox, ZOutboxFilter } from '@/server/outbox/list-outbox';
import { formatLongDateTime } from '@/shared/dates';
import { describeDelivery } from '@/shared/outbox/delivery-labels';
import { FilterSelect } from '@/ui/filter';
import { LiveSearch } from '@/ui/live-search';
import { OutboxTable, type OutboxRow } from './outbox-table';

export const metadata: Metadata = { title: "Centre d'envoi" };

export default async function CentreEnvoiPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaff('outbox:read');
  const filter = ZOutboxFilter.parse(await searchParams);
  const { rows, total, pages } = await listOutbox(filter);
  const tableRows: OutboxRow[] = rows.map((r) => ({
    id: r.id,
    date: formatLongDateTime(r.sentAt ?? r.createdAt),
    to: r.toName ? `${r.toName} <${r.toAddress}>` : r.toAddress,
    subject: r.subject,
    type: MAIL_TYPE_LABELS[r.type],
    status: r.status,
    statusLabel: MAIL_STATUS_LABELS[r.status],
    maybeDelivered: r.maybeDelivered,
    detail:
      r.status === 'FAILED'
        ? r.lastError
        : r.status === 'SENDING' && r.lastError && r.nextAttemptAt
          ? `Nouvel essai le ${formatLongDateTime(r.nextAttemptAt)} (${r.lastError})`
          : r.deliveryKind && r.deliveryAt
            ? describeDelivery({ kind: r.deliveryKind, at: r.deliveryAt, detail: r.deliveryDetail }, formatLongDateTime)
            : null,
  }));
  const pageHref = (page: number) => {
    const q = new URLSearchParams();
    if (filter.statut) q.set('statut', filter.statut);
    if (filter.type) q.set('type', filter.type);
    if (filter.q) q.set('q', filter.q);
    q.set('page', String(page));
    return `/gestion/centre-envoi?${q}`;
  };

  return (
    <section aria-labelledby="page-title" className="flex max-w-6xl flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 id="page-title" className="text-2xl font-semibold">
          Centre d&apos;envoi
        </h1>
        {can(actor.role, 'settings:write') && (
          <Link href="/gestion/parametres/mails" className="text-brand-700 underline">
            Modèles et paramètres des mails
          </Link>
        )}
      </div>

      <form
        method="get"
        className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
        aria-label="Filtrer les mails"
      >
        <LiveSearch
          id="filtre-destinataire"
          label="Destinataire"
          defaultValue={filter.q}
          placeholder="Nom, e-mail, téléphone, référence…"
          className="min-w-64"
        />
        <FilterSelect
          id="filtre-statut"
          label="Statut"
          name="statut"
          defaultValue={filter.statut ?? ''}
          options={{ '': 'Tous', ...MAIL_STATUS_LABELS }}
        />
        <FilterSelect
          id="filtre-type"
          label="Type"
          name="type"
          defaultValue={filter.type ?? ''}
          options={{ '': 'Tous', ...MAIL_TYPE_LABELS }}
        />
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Filtrer
        </button>
      </form>

      <p className="text-sm text-slate-700" role="status">
        {total === 0 ? 'Aucun mail' : `${total} mail${total > 1 ? 's' : ''}`}
        {filter.statut || filter.type ? ' pour ces filtres' : ''}
        {pages > 1 ? ` – page ${filter.page} sur ${pages}` : ''}.
      </p>

      {total === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          {filter.statut || filter.type
            ? 'Aucun mail ne correspond à ces filtres : choisissez « Tous » pour tout voir.'
            : 'Aucun mail pour le moment. Les mails d’identifiants apparaissent ici quand vous cliquez sur l’enveloppe dans Communication → Gestion des accès.'}
        </p>
      ) : (
        <OutboxTable rows={tableRows} canSend={can(actor.role, 'outbox:send')} />
      )}

      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-4">
          {filter.page > 1 && (
            <Link href={pageHref(filter.page - 1)} className="text-brand-700 underline">
              Page précédente
            </Link>
          )}
          {filter.page < pages && (
            <Link href={pageHref(filter.page + 1)} className="text-brand-700 underline">
              Page suivante
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}

import Link from 'next/link';
import { ACCESS_STATUS_LABELS, type AccessStatus } from '@/shared/access/access-status-labels';
import { MAIL_STATUS_LABELS } from '@/shared/outbox/mail-labels';
import { EMAIL_INVALID_LABEL } from '@/shared/tiers/email-validity';
import type { AccountRow } from '@/server/access/list-accounts';
import { formatShortDateTime } from '@/shared/dates';
import { KIND_LABELS } from './format';
import { PageCheckbox, RowCheckbox } from './selection/page-rows';

const STATUS_STYLES: Record<AccessStatus, string> = {
  NOT_ENROLLED: 'border-slate-300 bg-slate-50 text-slate-700',
  UNENROLLED: 'border-slate-400 bg-slate-100 text-slate-800',
  LOCKED: 'border-amber-400 bg-amber-50 text-amber-900',
  ACTIVE: 'border-green-400 bg-green-50 text-green-900',
  CREDENTIALS_SENT: 'border-brand-100 bg-brand-50 text-brand-900',
  CREDENTIALS_TO_SEND: 'border-orange-300 bg-orange-50 text-orange-900',
};

export type SortLinks = { sort: 'nom' | 'connexion'; byName: string; byLastLogin: string };

/**
 * The list itself, rendered on the page and in the benchmark; the checkboxes (only for staff who may change access)
 * are client components bound to the selection (selection/store.ts), which lives across pages.
 */
export function AccessTable({
  rows,
  selectable,
  sortLinks,
}: {
  rows: AccountRow[];
  selectable: boolean;
  sortLinks: SortLinks;
}) {
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Locataires et propriétaires, avec leur accès à l&apos;extranet</caption>
      <thead className="border-b border-slate-300 text-slate-700">
        <tr>
          {selectable && (
            <th scope="col" className="w-10 px-2 py-2">
              <PageCheckbox />
            </th>
          )}
          <th scope="col" className="px-2 py-2" aria-sort={sortLinks.sort === 'nom' ? 'ascending' : undefined}>
            <Link href={sortLinks.byName} className="underline-offset-2 hover:underline">
              Nom
            </Link>
            {sortLinks.sort === 'nom' && <span aria-hidden="true"> ▲</span>}
          </th>
          <th scope="col" className="px-2 py-2">
            Identifiant
          </th>
          <th scope="col" className="px-2 py-2">
            Type
          </th>
          <th scope="col" className="px-2 py-2">
            Statut d&apos;accès
          </th>
          <th scope="col" className="px-2 py-2" aria-sort={sortLinks.sort === 'connexion' ? 'descending' : undefined}>
            <Link href={sortLinks.byLastLogin} className="underline-offset-2 hover:underline">
              Dernière connexion
            </Link>
            {sortLinks.sort === 'connexion' && <span aria-hidden="true"> ▼</span>}
          </th>
          <th scope="col" className="px-2 py-2">
            Dernier envoi
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.tiersId} className="border-b border-slate-200 align-top hover:bg-slate-50">
            {selectable && (
              <td className="px-2 py-2">
                <RowCheckbox row={{ id: row.tiersId, name: row.name, status: row.status, hasEmail: row.hasEmail }} />
              </td>
            )}
            <td className="px-2 py-2">
              <span className="font-medium">{row.name}</span>
              {!row.hasEmail && <span className="block text-xs text-slate-600">Pas d&apos;adresse e-mail</span>}
              {row.emailInvalid && (
                <span className="block text-xs font-medium text-red-800">Adresse e-mail {EMAIL_INVALID_LABEL}</span>
              )}
              <Link
                href={`/gestion/acces/${row.tiersId}/diagnostic`}
                prefetch={false}
                className="block text-xs text-brand-700 underline"
              >
                Diagnostic de connexion<span className="sr-only"> de {row.name}</span>
              </Link>
            </td>
            <td className="px-2 py-2 font-mono">{row.login ?? '—'}</td>
            <td className="px-2 py-2">{KIND_LABELS[row.kind]}</td>
            <td className="px-2 py-2">
              <span
                className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[row.status]}`}
              >
                {ACCESS_STATUS_LABELS[row.status]}
              </span>
            </td>
            <td className="px-2 py-2">{row.lastLoginAt ? formatShortDateTime(row.lastLoginAt) : 'Jamais'}</td>
            <td className="px-2 py-2">
              {row.lastMail
                ? `${formatShortDateTime(row.lastMail.at)} – ${MAIL_STATUS_LABELS[row.lastMail.status]}`
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

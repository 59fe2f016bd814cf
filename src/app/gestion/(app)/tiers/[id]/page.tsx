import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { formatEuros, formatFrenchDate } from '@/server/leases/french-formats';
import { LEASE_STATUS_LABELS, leaseStatus } from '@/server/leases/lease-status';
import { PROPERTY_KIND_LABELS } from '@/shared/properties/labels';
import { getTiers } from '@/server/tiers/get-tiers';
import { displayName } from '@/shared/tiers/names';
import { TIERS_KIND_LABELS } from '@/server/tiers/schemas';
import { MAIL_STATUS_LABELS, MAIL_TYPE_LABELS } from '@/shared/outbox/mail-labels';
import { describeDelivery } from '@/shared/outbox/delivery-labels';
import { EMAIL_INVALID_LABEL, isEmailInvalid } from '@/shared/tiers/email-validity';
import { formatShortDateTime } from '@/shared/dates';
import { updateTiers } from '../actions';
import { SpaceViewButton } from '../../acces/space-view-button';
import { ArchiveButton } from '../_components/archive-button';
import { DocumentsSection } from '../_components/documents';
import { TiersForm } from '../_components/tiers-form';
import { orNotFound } from '@/server/http/not-found';

export const metadata: Metadata = { title: 'Tiers' };

export default async function TiersDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff('tiers:read');
  const tiers = await orNotFound(getTiers((await params).id));
  const canWrite = can(actor.role, 'tiers:write');
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <Link href="/gestion/tiers" className="text-brand-700 underline">
          ← Tiers
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="page-title" className="text-2xl font-semibold">
            {displayName(tiers)}
          </h1>
          <span className="rounded bg-slate-100 px-2 py-0.5 text-sm">{TIERS_KIND_LABELS[tiers.kind]}</span>
          {tiers.archivedAt && <span className="rounded bg-slate-200 px-2 py-0.5 text-sm">Archivé</span>}
        </div>
        <p className="flex flex-wrap gap-4">
          <Link href={`/gestion/acces/${tiers.id}/diagnostic`} prefetch={false} className="text-brand-700 underline">
            Diagnostic de connexion
          </Link>
          <SpaceViewButton tiersId={tiers.id} />
          {!tiers.email && (
            <span className="text-amber-800">
              Pas d&apos;adresse e-mail : ajoutez-la pour pouvoir envoyer des identifiants.
            </span>
          )}
        </p>
        {isEmailInvalid(tiers) && (
          <p role="note" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
            Adresse e-mail <strong>{EMAIL_INVALID_LABEL}</strong> : un mail à {tiers.email} a été rejeté le{' '}
            {formatShortDateTime(tiers.emailInvalidAt)}
            {tiers.emailInvalidReason ? ` (${tiers.emailInvalidReason})` : ''}. Corrigez-la puis générez de nouveaux
            identifiants.
          </p>
        )}
      </div>

      <section aria-labelledby="coordonnees" className="flex flex-col gap-3">
        <h2 id="coordonnees" className="text-xl font-semibold">
          Coordonnées
        </h2>
        {!canWrite && <p className="text-slate-700">Lecture seule : votre rôle ne permet pas de modifier ce tiers.</p>}
        <TiersForm
          action={updateTiers}
          readOnly={!canWrite}
          values={{
            id: tiers.id,
            kind: tiers.kind,
            civility: tiers.civility,
            lastName: tiers.lastName,
            firstName: tiers.firstName,
            companyName: tiers.companyName,
            email: tiers.email,
            phone: tiers.phone,
            addressLine: tiers.addressLine,
            postalCode: tiers.postalCode,
            city: tiers.city,
            externalRef: tiers.externalRef,
          }}
        />
        {canWrite && <ArchiveButton id={tiers.id} archived={!!tiers.archivedAt} />}
      </section>

      {tiers.kind === 'PROPRIETAIRE' && (
        <section aria-labelledby="biens" className="flex flex-col gap-3">
          <h2 id="biens" className="text-xl font-semibold">
            Biens
          </h2>
          {tiers.ownedProperties.length === 0 ? (
            <p>
              Aucun bien.{' '}
              {canWrite && (
                <Link href="/gestion/biens/nouveau" className="text-brand-700 underline">
                  Créer un bien
                </Link>
              )}
            </p>
          ) : (
            <ul className="list-disc pl-5">
              {tiers.ownedProperties.map((p) => (
                <li key={p.id}>
                  <Link href={`/gestion/biens/${p.id}`} className="text-brand-700 underline">
                    {p.addressLine}, {p.postalCode} {p.city}
                    {p.unitLabel ? ` – ${p.unitLabel}` : ''}
                  </Link>{' '}
                  ({PROPERTY_KIND_LABELS[p.kind]}
                  {p.externalRef ? `, ${p.externalRef}` : ''})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {tiers.kind === 'LOCATAIRE' && (
        <section aria-labelledby="baux" className="flex flex-col gap-3">
          <h2 id="baux" className="text-xl font-semibold">
            Baux
          </h2>
          {tiers.leases.length === 0 ? (
            <p>Aucun bail. Créez-le depuis la fiche du bien loué.</p>
          ) : (
            <ul className="list-disc pl-5">
              {tiers.leases.map(({ lease, isPrimary }) => (
                <li key={lease.id}>
                  <Link
                    href={`/gestion/biens/${lease.property.id}/baux/${lease.id}`}
                    className="text-brand-700 underline"
                  >
                    {lease.property.addressLine}, {lease.property.city}
                    {lease.property.unitLabel ? ` – ${lease.property.unitLabel}` : ''}
                  </Link>{' '}
                  : depuis le {formatFrenchDate(lease.startDate)}
                  {lease.endDate ? ` jusqu'au ${formatFrenchDate(lease.endDate)}` : ''}, loyer{' '}
                  {formatEuros(lease.rentCents)} + {formatEuros(lease.chargesCents)} de charges —{' '}
                  <strong>{LEASE_STATUS_LABELS[leaseStatus(lease)]}</strong>
                  {!isPrimary && ' (colocataire)'}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {tiers.outboxMails.length > 0 && (
        <section aria-labelledby="mails" className="flex flex-col gap-3">
          <h2 id="mails" className="text-xl font-semibold">
            Derniers mails
          </h2>
          <ul className="flex flex-col gap-1">
            {tiers.outboxMails.map((m) => (
              <li key={m.id}>
                {formatShortDateTime(m.sentAt ?? m.createdAt)} · {MAIL_TYPE_LABELS[m.type]} à {m.toAddress} :{' '}
                <strong>{MAIL_STATUS_LABELS[m.status]}</strong>
                {m.deliveryKind && m.deliveryAt && (
                  <span className="block text-sm text-slate-700">
                    {describeDelivery({ kind: m.deliveryKind, at: m.deliveryAt, detail: m.deliveryDetail }, (d) =>
                      formatShortDateTime(d),
                    )}
                  </span>
                )}
              </li>
            ))}
          </ul>
          <p>
            <Link
              href={`/gestion/centre-envoi?q=${encodeURIComponent(tiers.email ?? displayName(tiers))}`}
              className="text-brand-700 underline"
            >
              Voir ses mails dans le centre d&apos;envoi
            </Link>
          </p>
        </section>
      )}

      <DocumentsSection
        documents={tiers.documents}
        target={{ type: 'tiers', id: tiers.id }}
        canWrite={canWrite}
        headingId="documents"
      />
    </section>
  );
}

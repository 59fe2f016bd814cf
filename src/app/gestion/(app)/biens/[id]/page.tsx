import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { formatEuros, formatFrenchDate } from '@/server/leases/french-formats';
import { LEASE_STATUS_LABELS, leaseStatus } from '@/server/leases/lease-status';
import { getProperty } from '@/server/properties/list-properties';
import { displayName } from '@/shared/tiers/names';
import { buttonClass } from '@/ui/action-form';
import { DocumentsSection } from '../../tiers/_components/documents';
import { updateProperty } from '../actions';
import { orNotFound } from '@/server/http/not-found';
import { tiersOptions } from '../_components/options';
import { PropertyForm } from '../_components/property-form';

export const metadata: Metadata = { title: 'Bien' };

export default async function PropertyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff('tiers:read');
  const property = await orNotFound(getProperty((await params).id));
  const canWrite = can(actor.role, 'tiers:write');
  const owners = canWrite
    ? await tiersOptions('PROPRIETAIRE')
    : [{ id: property.ownerId, label: displayName(property.owner) }];
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <Link href="/gestion/biens" className="text-brand-700 underline">
          ← Biens
        </Link>
        <h1 id="page-title" className="text-2xl font-semibold">
          {property.addressLine}, {property.postalCode} {property.city}
          {property.unitLabel ? ` – ${property.unitLabel}` : ''}
        </h1>
        <p>
          Propriétaire :{' '}
          <Link href={`/gestion/tiers/${property.owner.id}`} className="text-brand-700 underline">
            {displayName(property.owner)}
          </Link>
        </p>
      </div>
      <section aria-labelledby="bien" className="flex flex-col gap-3">
        <h2 id="bien" className="text-xl font-semibold">
          Le bien
        </h2>
        {!canWrite && <p className="text-slate-700">Lecture seule : votre rôle ne permet pas de modifier ce bien.</p>}
        <PropertyForm
          action={updateProperty}
          owners={owners}
          readOnly={!canWrite}
          values={{
            id: property.id,
            kind: property.kind,
            addressLine: property.addressLine,
            postalCode: property.postalCode,
            city: property.city,
            unitLabel: property.unitLabel,
            surface: property.surfaceM2 ? property.surfaceM2.toString().replace('.', ',') : '',
            ownerId: property.ownerId,
            externalRef: property.externalRef,
          }}
        />
      </section>
      <section aria-labelledby="baux" className="flex flex-col gap-3">
        <h2 id="baux" className="text-xl font-semibold">
          Baux
        </h2>
        {property.leases.length === 0 ? (
          <p>Aucun bail : le bien est vacant.</p>
        ) : (
          <ul className="list-disc pl-5">
            {property.leases.map((l) => (
              <li key={l.id}>
                <Link href={`/gestion/biens/${property.id}/baux/${l.id}`} className="text-brand-700 underline">
                  Bail du {formatFrenchDate(l.startDate)}
                  {l.endDate ? ` au ${formatFrenchDate(l.endDate)}` : ''}
                </Link>{' '}
                — {l.tenants.map((t) => displayName(t.tiers) + (t.isPrimary ? '' : ' (colocataire)')).join(', ')} —
                loyer {formatEuros(l.rentCents)} — <strong>{LEASE_STATUS_LABELS[leaseStatus(l)]}</strong>
              </li>
            ))}
          </ul>
        )}
        {canWrite && (
          <div>
            <Link href={`/gestion/biens/${property.id}/baux/nouveau`} className={buttonClass}>
              Nouveau bail
            </Link>
          </div>
        )}
      </section>
      <DocumentsSection
        documents={property.documents}
        target={{ type: 'property', id: property.id }}
        canWrite={canWrite}
        headingId="documents"
      />
    </section>
  );
}

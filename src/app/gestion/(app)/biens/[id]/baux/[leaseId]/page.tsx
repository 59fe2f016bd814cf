import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { formatCents, isoDate } from '@/server/leases/french-formats';
import { getLease } from '@/server/leases/get-lease';
import { LEASE_STATUS_LABELS, leaseStatus } from '@/server/leases/lease-status';
import { displayName } from '@/shared/tiers/names';
import { DocumentsSection } from '../../../../tiers/_components/documents';
import { updateLease } from '../../../actions';
import { LeaseForm } from '../../../_components/lease-form';
import { orNotFound } from '@/server/http/not-found';
import { tiersOptions } from '../../../_components/options';

export const metadata: Metadata = { title: 'Bail' };

export default async function LeasePage({ params }: { params: Promise<{ id: string; leaseId: string }> }) {
  const actor = await requireStaff('tiers:read');
  const { id, leaseId } = await params;
  const lease = await orNotFound(getLease(leaseId));
  if (lease.propertyId !== id) notFound();
  const canWrite = can(actor.role, 'tiers:write');
  const tenants = canWrite
    ? await tiersOptions('LOCATAIRE')
    : lease.tenants.map((t) => ({ id: t.tiersId, label: displayName(t.tiers) }));
  const primary = lease.tenants.find((t) => t.isPrimary) ?? lease.tenants[0];
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <Link href={`/gestion/biens/${lease.property.id}`} className="text-brand-700 underline">
          ← {lease.property.addressLine}, {lease.property.city}
        </Link>
        <h1 id="page-title" className="text-2xl font-semibold">
          Bail {lease.externalRef ?? ''} — {LEASE_STATUS_LABELS[leaseStatus(lease)]}
        </h1>
        <p>
          Locataires :{' '}
          {lease.tenants.map((t, i) => (
            <span key={t.tiersId}>
              {i > 0 && ', '}
              <Link href={`/gestion/tiers/${t.tiersId}`} className="text-brand-700 underline">
                {displayName(t.tiers)}
              </Link>
              {!t.isPrimary && ' (colocataire)'}
            </span>
          ))}
        </p>
      </div>
      {!canWrite && <p className="text-slate-700">Lecture seule : votre rôle ne permet pas de modifier ce bail.</p>}
      <LeaseForm
        action={updateLease}
        propertyId={lease.property.id}
        tenants={tenants}
        readOnly={!canWrite}
        values={{
          id: lease.id,
          startDate: isoDate(lease.startDate),
          endDate: lease.endDate ? isoDate(lease.endDate) : '',
          rent: formatCents(lease.rentCents),
          charges: formatCents(lease.chargesCents),
          deposit: formatCents(lease.depositCents),
          primaryTenantId: primary?.tiersId ?? '',
          coTenantIds: lease.tenants.filter((t) => t !== primary).map((t) => t.tiersId),
          externalRef: lease.externalRef,
        }}
      />
      <DocumentsSection
        documents={lease.documents}
        target={{ type: 'lease', id: lease.id }}
        canWrite={canWrite}
        headingId="documents"
      />
    </section>
  );
}

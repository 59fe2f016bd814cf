import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/server/auth/staff-session';
import { getProperty } from '@/server/properties/list-properties';
import { createLease } from '../../../actions';
import { LeaseForm } from '../../../_components/lease-form';
import { orNotFound } from '@/server/http/not-found';
import { tiersOptions } from '../../../_components/options';

export const metadata: Metadata = { title: 'Nouveau bail' };

export default async function NewLeasePage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff('tiers:write');
  const property = await orNotFound(getProperty((await params).id));
  const tenants = await tiersOptions('LOCATAIRE');
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-6">
      <Link href={`/gestion/biens/${property.id}`} className="text-brand-700 underline">
        ← {property.addressLine}, {property.city}
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        Nouveau bail
      </h1>
      <LeaseForm action={createLease} propertyId={property.id} tenants={tenants} />
    </section>
  );
}

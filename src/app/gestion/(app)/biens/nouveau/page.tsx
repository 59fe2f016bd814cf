import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/server/auth/staff-session';
import { createProperty } from '../actions';
import { tiersOptions } from '../_components/options';
import { PropertyForm } from '../_components/property-form';

export const metadata: Metadata = { title: 'Nouveau bien' };

export default async function NewPropertyPage() {
  await requireStaff('tiers:write');
  const owners = await tiersOptions('PROPRIETAIRE');
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-6">
      <Link href="/gestion/biens" className="text-brand-700 underline">
        ← Biens
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        Nouveau bien
      </h1>
      <PropertyForm action={createProperty} owners={owners} />
    </section>
  );
}

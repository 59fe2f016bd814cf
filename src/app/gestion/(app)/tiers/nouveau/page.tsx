import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/server/auth/staff-session';
import { createTiers } from '../actions';
import { TiersForm } from '../_components/tiers-form';

export const metadata: Metadata = { title: 'Nouveau tiers' };

export default async function NewTiersPage() {
  await requireStaff('tiers:write');
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-6">
      <Link href="/gestion/tiers" className="text-brand-700 underline">
        ← Tiers
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        Nouveau tiers
      </h1>
      <TiersForm action={createTiers} />
    </section>
  );
}

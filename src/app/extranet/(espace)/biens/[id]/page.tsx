import Link from 'next/link';
import { requireExtranet } from '@/server/extranet/extranet-session';
import { getMyProperty } from '@/server/extranet/my-space';
import { PropertyCard } from '../../sections';
import { orNotFound } from '@/server/http/not-found';

// An owner's bien. A tenant sees their home in "Mon logement"; anyone else's bien is not found.
export default async function MyPropertyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireExtranet();
  const { id } = await params;
  const property = await orNotFound(getMyProperty(actor, id));
  return (
    <div className="flex flex-col gap-4">
      <Link href="/extranet#biens" className="text-brand-700 underline">
        ← Mon espace
      </Link>
      <h1 className="text-2xl font-semibold">Mon bien</h1>
      <PropertyCard headingLevel={2} property={property} />
    </div>
  );
}

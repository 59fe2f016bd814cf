import Link from 'next/link';
import { PropertyCard } from '@/app/extranet/(espace)/sections';
import { getMyProperty } from '@/server/extranet/my-space';
import { orNotFound } from '@/server/http/not-found';
import { ViewEnded } from '../../ended';
import { loadSpaceView, viewBase } from '../../load';

// The owner's "Mon bien" page, read-only, scoped to them exactly as on the extranet.
export default async function SpaceViewPropertyPage({ params }: { params: Promise<{ grantId: string; id: string }> }) {
  const { grantId, id } = await params;
  const { view, ended } = await loadSpaceView(grantId);
  if (!view) return <ViewEnded message={ended} />;
  const property = await orNotFound(getMyProperty(view, id));
  return (
    <div className="flex flex-col gap-4">
      <Link href={`${viewBase(grantId)}#biens`} className="text-brand-700 underline">
        ← Mon espace
      </Link>
      <h1 className="text-2xl font-semibold">Mon bien</h1>
      <PropertyCard property={property} base={viewBase(grantId)} />
    </div>
  );
}

import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PropertyCard } from '@/app/extranet/(espace)/sections';
import { NotFoundError } from '@/server/errors';
import { listMyProperties } from '@/server/extranet/my-space';
import { ViewEnded } from '../../ended';
import { loadSpaceView, viewBase } from '../../load';

// The owner's "Mon bien" page, read-only, scoped to them exactly as on the extranet.
export default async function SpaceViewPropertyPage({ params }: { params: Promise<{ grantId: string; id: string }> }) {
  const { grantId, id } = await params;
  const { view, ended } = await loadSpaceView(grantId);
  if (!view) return <ViewEnded message={ended} />;
  const [property] = await listMyProperties(view, id).catch((e) =>
    e instanceof NotFoundError ? [] : Promise.reject(e),
  );
  if (!property) notFound();
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

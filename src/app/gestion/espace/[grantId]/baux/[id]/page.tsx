import Link from 'next/link';
import { LeaseCard } from '@/app/extranet/(espace)/sections';
import { getMyLease } from '@/server/extranet/my-space';
import { ViewEnded } from '../../ended';
import { loadSpaceView, viewBase } from '../../load';
import { orNotFound } from '@/server/http/not-found';

// The person's "Mon bail" page, read-only, scoped to them exactly as on the extranet.
export default async function SpaceViewLeasePage({ params }: { params: Promise<{ grantId: string; id: string }> }) {
  const { grantId, id } = await params;
  const { view, ended } = await loadSpaceView(grantId);
  if (!view) return <ViewEnded message={ended} />;
  const lease = await orNotFound(getMyLease(view, id));
  return (
    <div className="flex flex-col gap-4">
      <Link href={`${viewBase(grantId)}#bail`} className="text-brand-700 underline">
        ← Mon espace
      </Link>
      <h1 className="text-2xl font-semibold">Mon bail</h1>
      <LeaseCard lease={lease} base={viewBase(grantId)} />
    </div>
  );
}

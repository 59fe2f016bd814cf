import Link from 'next/link';
import { requireExtranet } from '@/server/extranet/extranet-session';
import { getMyLease } from '@/server/extranet/my-space';
import { LeaseCard } from '../../sections';
import { orNotFound } from '@/server/http/not-found';

export default async function MyLeasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireExtranet();
  const { id } = await params;
  const lease = await orNotFound(getMyLease(actor, id));
  return (
    <div className="flex flex-col gap-4">
      <Link href="/extranet#bail" className="text-brand-700 underline">
        ← Mon espace
      </Link>
      <h1 className="text-2xl font-semibold">Mon bail</h1>
      <LeaseCard lease={lease} headingLevel={2} />
    </div>
  );
}

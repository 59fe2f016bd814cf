import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireExtranet } from '@/server/auth/extranet-session';
import { NotFoundError } from '@/server/errors';
import { getMyLease } from '@/server/extranet/my-space';
import { LeaseCard } from '../../sections';

export default async function MyLeasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireExtranet();
  const { id } = await params;
  const lease = await getMyLease(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
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

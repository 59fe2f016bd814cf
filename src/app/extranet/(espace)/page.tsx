import type { Metadata } from 'next';
import { requireExtranet } from '@/server/extranet/extranet-session';
import { MySpace } from '../_components/my-space';

export const metadata: Metadata = { title: 'Mon espace' };

export default async function MySpacePage({
  searchParams,
}: {
  searchParams: Promise<{ bienvenue?: string; motdepasse?: string }>;
}) {
  const actor = await requireExtranet();
  const params = await searchParams;
  return <MySpace who={actor} welcome={Boolean(params.bienvenue || params.motdepasse)} />;
}

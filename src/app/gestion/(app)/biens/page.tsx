import type { Metadata } from 'next';
import { requireStaff } from '@/server/auth/staff-session';
import { ComingSoon } from '@/ui/coming-soon';

export const metadata: Metadata = { title: 'Biens' };

export default async function BiensPage() {
  await requireStaff('tiers:read');
  return <ComingSoon title={'Biens'}>Vous pourrez y gérer les biens, les lots, les baux et leurs documents.</ComingSoon>;
}

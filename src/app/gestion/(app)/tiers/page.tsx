import type { Metadata } from 'next';
import { requireStaff } from '@/server/auth/staff-session';
import { ComingSoon } from '@/ui/coming-soon';

export const metadata: Metadata = { title: 'Tiers' };

export default async function TiersPage() {
  await requireStaff('tiers:read');
  return <ComingSoon title={'Tiers'}>Vous pourrez y créer, modifier et importer les locataires et propriétaires de l&apos;agence.</ComingSoon>;
}

import type { Metadata } from 'next';
import { requireStaff } from '@/server/auth/staff-session';
import { ComingSoon } from '@/ui/coming-soon';

export const metadata: Metadata = { title: 'Gestion des accès' };

export default async function AccesPage() {
  await requireStaff('access:read');
  return <ComingSoon title={'Gestion des accès'}>Vous pourrez y filtrer les locataires et propriétaires, les inscrire, les désinscrire et générer leurs identifiants.</ComingSoon>;
}

import type { Metadata } from 'next';
import { requireStaff } from '@/server/auth/staff-session';
import { ComingSoon } from '@/ui/coming-soon';

export const metadata: Metadata = { title: 'Paramètres' };

export default async function ParametresPage() {
  await requireStaff('settings:write');
  return <ComingSoon title={'Paramètres'}>Vous pourrez y choisir le mode d&apos;envoi des identifiants, la durée de validité du mot de passe provisoire et les modèles de mails.</ComingSoon>;
}

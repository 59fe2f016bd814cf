import type { Metadata } from 'next';
import { requireStaff } from '@/server/auth/staff-session';
import { ComingSoon } from '@/ui/coming-soon';

export const metadata: Metadata = { title: 'Assistance' };

export default async function AssistancePage() {
  await requireStaff('assistance:read');
  return <ComingSoon title={'Assistance'}>Vous y trouverez la procédure pour aider une personne qui ne parvient pas à se connecter, et les messages envoyés depuis l&apos;extranet.</ComingSoon>;
}

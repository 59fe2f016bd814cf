import type { Metadata } from 'next';
import { requireStaff } from '@/server/auth/staff-session';
import { ComingSoon } from '@/ui/coming-soon';

export const metadata: Metadata = { title: 'Journal' };

export default async function JournalPage() {
  await requireStaff('journal:read');
  return <ComingSoon title={'Journal'}>Vous y retrouverez chaque événement d&apos;accès (qui, quoi, pour qui, quand, depuis quelle adresse IP), filtrable et exportable en CSV.</ComingSoon>;
}

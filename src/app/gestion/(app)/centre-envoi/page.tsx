import type { Metadata } from 'next';
import { requireStaff } from '@/server/auth/staff-session';
import { ComingSoon } from '@/ui/coming-soon';

export const metadata: Metadata = { title: "Centre d'envoi" };

export default async function CentreEnvoiPage() {
  await requireStaff('outbox:read');
  return <ComingSoon title={"Centre d'envoi"}>Vous pourrez y vérifier (loupe) et envoyer les mails d&apos;identifiants.</ComingSoon>;
}

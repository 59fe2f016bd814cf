import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getExtranetActor } from '@/server/extranet/extranet-session';
import { agencyPhone } from '@/server/extranet/agency-phone';
import { AuthCard } from '../_components/auth-card';
import { ExtranetLoginForm } from './login-form';

export const metadata: Metadata = { title: 'Connexion à votre espace' };

export default async function ExtranetLoginPage() {
  if (await getExtranetActor()) redirect('/extranet');
  return (
    <AuthCard
      title="Connexion à votre espace"
      footer={
        <p className="text-sm text-slate-600">
          Vous n&apos;avez pas reçu vos identifiants ? Contactez votre agence : elle vous les enverra par e-mail.
        </p>
      }
    >
      <ExtranetLoginForm phone={await agencyPhone()} />
    </AuthCard>
  );
}

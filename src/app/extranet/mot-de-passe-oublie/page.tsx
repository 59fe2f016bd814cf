import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '../_components/auth-card';
import { ResetRequestForm } from './reset-request-form';

export const metadata: Metadata = { title: 'Mot de passe oublié' };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Mot de passe oublié ?"
      footer={
        <Link href="/extranet/connexion" className="text-brand-700 underline hover:no-underline">
          Retour à la connexion
        </Link>
      }
    >
      <p className="mb-4 text-slate-700">
        Indiquez votre identifiant ou l&apos;adresse e-mail connue de l&apos;agence. Vous recevrez un lien, valable 30
        minutes, pour choisir un nouveau mot de passe.
      </p>
      <ResetRequestForm />
    </AuthCard>
  );
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getStaffActor } from '@/server/auth/staff-session';
import { StaffLoginForm } from './login-form';

export const metadata: Metadata = { title: 'Connexion agence' };

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<{ motdepasse?: string }> }) {
  if (await getStaffActor()) redirect('/gestion');
  const { motdepasse } = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-6">
      <div className="flex items-center gap-3">
        <img src="/logo.svg" alt="" width={40} height={40} />
        <h1 className="text-2xl font-semibold">Trousseau · espace agence</h1>
      </div>
      {motdepasse && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          Mot de passe enregistré : connectez-vous avec votre adresse e-mail et ce mot de passe.
        </p>
      )}
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <StaffLoginForm />
      </div>
      <p className="text-sm text-slate-600">Accès réservé aux collaborateurs de l&apos;agence.</p>
    </main>
  );
}

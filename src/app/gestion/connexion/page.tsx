import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getStaffActor } from '@/server/auth/staff-session';
import { StaffLoginForm } from './login-form';

export const metadata: Metadata = { title: 'Connexion agence' };

export default async function StaffLoginPage() {
  if (await getStaffActor()) redirect('/gestion');
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-6">
      <div className="flex items-center gap-3">
        <img src="/logo.svg" alt="" width={40} height={40} />
        <h1 className="text-2xl font-semibold">Trousseau · espace agence</h1>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <StaffLoginForm />
      </div>
      <p className="text-sm text-slate-600">Accès réservé aux collaborateurs de l&apos;agence.</p>
    </main>
  );
}

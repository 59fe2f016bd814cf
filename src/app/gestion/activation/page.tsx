import type { Metadata } from 'next';
import Link from 'next/link';
import { findStaffLink, STAFF_LINK_INVALID } from '@/server/staff/staff-link';
import { NewPasswordForm } from '../../extranet/_components/new-password-form';
import { setStaffPassword } from './actions';

export const metadata: Metadata = { title: 'Choisir mon mot de passe', referrer: 'no-referrer' };

// An invitation or reset link of a staff member (Paramètres → Équipe): choose the password, then sign in.
export default async function StaffActivationPage({
  searchParams,
}: {
  searchParams: Promise<{ jeton?: string | string[] }>;
}) {
  const { jeton } = await searchParams;
  const link = typeof jeton === 'string' ? await findStaffLink(jeton) : null;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-6">
      <h1 className="text-2xl font-semibold">
        {link ? 'Choisissez votre mot de passe' : 'Lien expiré ou déjà utilisé'}
      </h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {link && typeof jeton === 'string' ? (
          <>
            <p className="mb-4 text-slate-700">
              Compte : <strong>{link.staff.email}</strong>
            </p>
            <NewPasswordForm
              action={setStaffPassword}
              login={link.staff.email}
              names={[link.staff.name, link.staff.email.split('@')[0]]}
              hidden={{ jeton }}
            />
          </>
        ) : (
          <>
            <p role="alert" className="mb-4">
              {STAFF_LINK_INVALID}
            </p>
            <Link href="/gestion/connexion" className="text-brand-700 underline hover:no-underline">
              Page de connexion
            </Link>
          </>
        )}
      </div>
    </main>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requireExtranet } from '@/server/extranet/extranet-session';
import { LINK_INVALID } from '@/server/extranet/messages';
import { getMyProfile } from '@/server/extranet/my-space';
import { findUsableVerification } from '@/server/access/verification-token';
import { AuthCard } from '../_components/auth-card';
import { NewPasswordForm } from '../_components/new-password-form';
import { setFirstPassword, setPasswordFromLink } from './actions';

export const metadata: Metadata = { title: 'Nouveau mot de passe', referrer: 'no-referrer' };

export default async function NewPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ jeton?: string | string[] }>;
}) {
  const { jeton } = await searchParams;
  if (typeof jeton === 'string') {
    const verification = await findUsableVerification(jeton);
    if (!verification) {
      return (
        <AuthCard title="Lien expiré ou déjà utilisé">
          <p role="alert" className="mb-4">
            {LINK_INVALID}
          </p>
          <Link href="/extranet/mot-de-passe-oublie" className="text-brand-700 underline hover:no-underline">
            Mot de passe oublié ?
          </Link>
        </AuthCard>
      );
    }
    return (
      <AuthCard title="Choisissez votre mot de passe">
        <p className="mb-4 text-slate-700">
          Identifiant : <strong className="font-mono">{verification.login}</strong>
        </p>
        <NewPasswordForm
          action={setPasswordFromLink}
          login={verification.login}
          names={verification.names}
          hidden={{ jeton }}
        />
      </AuthCard>
    );
  }

  const actor = await requireExtranet({ passwordChange: true });
  if (!actor.mustChangePassword) redirect('/extranet#securite');
  const profile = await getMyProfile(actor);
  return (
    <AuthCard title="Choisissez votre mot de passe">
      <p className="mb-4 text-slate-700">
        Bienvenue {profile.name}. Le mot de passe reçu par e-mail était provisoire : choisissez maintenant le vôtre pour
        accéder à votre espace.
      </p>
      <NewPasswordForm action={setFirstPassword} login={actor.login} names={[profile.name]} />
    </AuthCard>
  );
}

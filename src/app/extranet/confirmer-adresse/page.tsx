import type { Metadata } from 'next';
import Link from 'next/link';
import { findEmailChange } from '@/server/extranet/confirm-email-change';
import { EMAIL_LINK_INVALID } from '@/server/extranet/messages';
import { AuthCard } from '../_components/auth-card';
import { ConfirmEmailForm } from './confirm-form';

export const metadata: Metadata = { title: 'Confirmer ma nouvelle adresse', referrer: 'no-referrer' };

// Opening the link changes nothing (mail scanners open links too): the address changes at the button.
export default async function ConfirmEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ jeton?: string | string[] }>;
}) {
  const { jeton } = await searchParams;
  const change = typeof jeton === 'string' ? await findEmailChange(jeton) : null;
  const back = (
    <Link href="/extranet" className="text-brand-700 underline hover:no-underline">
      Aller à mon espace
    </Link>
  );
  if (!change || typeof jeton !== 'string') {
    return (
      <AuthCard title="Lien expiré ou déjà utilisé" footer={back}>
        <p role="alert">{EMAIL_LINK_INVALID}</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Confirmer ma nouvelle adresse" footer={back}>
      <p className="mb-4 text-slate-700">
        Nouvelle adresse e-mail : <strong>{change.email}</strong>. Elle remplacera l’ancienne dès que vous aurez
        confirmé.
      </p>
      <ConfirmEmailForm jeton={jeton} />
    </AuthCard>
  );
}

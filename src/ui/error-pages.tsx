'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';

// The French error pages of both sides (issue 13): what happened, what to do, and a way back. No server-only
// import: error boundaries are client components.

export type Side = 'gestion' | 'extranet';

const HOME: Record<Side, { href: string; label: string; help: string }> = {
  gestion: {
    href: '/gestion',
    label: 'Retour au tableau de bord',
    help: 'Si cela se reproduit, prévenez l’administrateur de Trousseau en indiquant l’heure et la page.',
  },
  extranet: {
    href: '/extranet',
    label: 'Retour à Mon espace',
    help: 'Si cela se reproduit, contactez votre agence en indiquant l’heure et la page.',
  },
};

const OUTAGE = 'Service momentanément indisponible, réessayez dans un instant.';

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-xl flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children}
    </main>
  );
}

const linkClass = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900';
const buttonClass =
  'rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 focus-visible:outline focus-visible:outline-2';

/** 404: the page does not exist (or is someone else's). */
export function NotFoundPage({ side }: { side: Side | null }) {
  return (
    <Frame title="Page introuvable">
      <p>Cette page n’existe pas ou plus, ou elle ne vous est pas accessible. Vérifiez l’adresse, ou repartez de :</p>
      <ul className="flex flex-col gap-2">
        {(side ? [side] : (['extranet', 'gestion'] as const)).map((s) => (
          <li key={s}>
            <Link href={HOME[s].href} className={linkClass}>
              {side
                ? HOME[s].label
                : s === 'extranet'
                  ? 'Mon espace (locataires et propriétaires)'
                  : 'Le back office (agence)'}
            </Link>
          </li>
        ))}
      </ul>
    </Frame>
  );
}

/**
 * 500: something failed while showing the page. In production the browser gets no detail of the error, so the page
 * asks /api/sante whether the database answers: if not, it is an outage and says so.
 */
export function ErrorPage({
  side,
  error,
  reset,
}: {
  side: Side | null;
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const [outage, setOutage] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/sante', { cache: 'no-store' })
      .then((r) => live && setOutage(r.status === 503))
      .catch(() => live && setOutage(true));
    return () => {
      live = false;
    };
  }, [error]);
  const home = HOME[side ?? 'extranet'];
  return (
    <Frame title={outage ? 'Service momentanément indisponible' : 'Une erreur est survenue'}>
      <p role="alert">
        {outage
          ? OUTAGE
          : 'La page n’a pas pu s’afficher à cause d’une erreur de notre côté. Réessayez ; vos données n’ont pas été modifiées par cet affichage.'}
      </p>
      {!outage && <p className="text-sm text-slate-700">{home.help}</p>}
      {error.digest && <p className="text-sm text-slate-600">Référence de l’erreur : {error.digest}</p>}
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={reset} className={buttonClass}>
          Réessayer
        </button>
        <Link href={home.href} className={linkClass}>
          {side ? home.label : 'Retour à l’accueil'}
        </Link>
      </div>
    </Frame>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { formatShortDateTime } from '@/shared/dates';
import { loadSpaceView } from './load';
import { ViewTimer } from './view-timer';

export const metadata: Metadata = { title: 'Voir son espace (lecture seule)' };

/**
 * The extranet's shell for staff's read-only view: the banner that says whose space it is, then the person's header
 * as they see it, with a sign-out button that does nothing here. Each page checks the grant itself.
 */
export default async function SpaceViewLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ grantId: string }>;
}) {
  const { view } = await loadSpaceView((await params).grantId);
  return (
    <div className="min-h-screen">
      <a
        href="#contenu"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2"
      >
        Aller au contenu
      </a>
      {view && (
        <div role="region" aria-label="Consultation en lecture seule" className="bg-amber-100 text-amber-950">
          <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
            <p>
              <strong>Vous consultez l&apos;espace de {view.name} (lecture seule)</strong> · jusqu&apos;à{' '}
              {formatShortDateTime(view.expiresAt)}
            </p>
            <Link href={`/gestion/acces/${view.tiersId}/diagnostic`} className="font-medium underline">
              Quitter
            </Link>
          </div>
          <ViewTimer expiresAt={view.expiresAt.toISOString()} />
        </div>
      )}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <span className="flex items-center gap-2 font-semibold">
            <img src="/logo.svg" alt="" width={28} height={28} />
            Trousseau
          </span>
          {view && (
            <div className="flex items-center gap-3 text-sm">
              <span className="max-w-[12rem] truncate text-slate-700">{view.name}</span>
              <button type="button" disabled className="text-brand-700 underline opacity-60">
                Se déconnecter
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="contenu" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}

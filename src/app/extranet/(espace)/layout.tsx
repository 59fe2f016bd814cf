import { redirect } from 'next/navigation';
import { getExtranetActor } from '@/server/extranet/extranet-session';
import { signOutExtranet } from './actions';

// The shell only; each page checks the session itself (requireExtranet), never this layout.
export default async function ExtranetLayout({ children }: { children: React.ReactNode }) {
  const actor = await getExtranetActor();
  if (!actor) redirect('/extranet/connexion');
  return (
    <div className="min-h-screen">
      <a
        href="#contenu"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2"
      >
        Aller au contenu
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <a href="/extranet" className="flex items-center gap-2 font-semibold">
            <img src="/logo.svg" alt="" width={28} height={28} />
            Trousseau
          </a>
          <div className="flex items-center gap-3 text-sm">
            <span className="max-w-[12rem] truncate text-slate-700">{actor.name}</span>
            <form action={signOutExtranet}>
              <button type="submit" className="text-brand-700 underline hover:no-underline">
                Se déconnecter
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="contenu" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}

import { redirect } from 'next/navigation';
import { can, ROLE_LABELS } from '@/server/auth/permissions';
import { getStaffActor } from '@/server/auth/staff-session';
import { countOutboxByStatus } from '@/server/outbox/list-outbox';
import { localMailboxNotice } from '@/server/outbox/transport-status';
import { NavGroup, NavLink } from '@/ui/nav-link';
import { Sidebar } from '@/ui/sidebar';
import { OutboxCounts } from './centre-envoi/outbox-counts';
import { signOutStaff, signOutStaffEverywhere } from './actions';

// The shell only; each page checks its own permission (requireStaff), never this layout.
export default async function BackOfficeLayout({ children }: { children: React.ReactNode }) {
  const actor = await getStaffActor();
  if (!actor) redirect('/gestion/connexion');
  const [outboxCounts, mailboxNotice] = [
    can(actor.role, 'outbox:read') ? await countOutboxByStatus() : null,
    localMailboxNotice(),
  ];
  return (
    <div className="min-h-screen md:grid md:grid-cols-[auto_1fr]">
      <a
        href="#contenu"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2"
      >
        Aller au contenu
      </a>
      <Sidebar>
        <nav aria-label="Navigation principale" className="px-2 pb-4">
          <ul className="flex flex-col gap-0.5">
            <li>
              <NavLink href="/gestion" exact>
                Accueil
              </NavLink>
            </li>
            <li>
              <NavGroup
                label="Communication"
                prefixes={['/gestion/acces', '/gestion/centre-envoi']}
                badge={outboxCounts?.PENDING_REVIEW ? `${outboxCounts.PENDING_REVIEW} à vérifier` : undefined}
              >
                <li>
                  <NavLink href="/gestion/acces">Gestion des accès</NavLink>
                </li>
                <li>
                  <NavLink href="/gestion/centre-envoi">Centre d&apos;envoi</NavLink>
                  {outboxCounts && <OutboxCounts counts={outboxCounts} />}
                </li>
              </NavGroup>
            </li>
            <li>
              <NavLink href="/gestion/tiers">Tiers</NavLink>
            </li>
            <li>
              <NavLink href="/gestion/biens">Biens</NavLink>
            </li>
            <li>
              <NavLink href="/gestion/journal">Journal</NavLink>
            </li>
            <li>
              <NavLink href="/gestion/assistance">Assistance</NavLink>
            </li>
            {can(actor.role, 'settings:write') && (
              <li>
                <NavLink href="/gestion/parametres">Paramètres</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="border-t border-slate-200 px-4 py-3 text-sm">
          <p className="font-medium">{actor.name}</p>
          <p className="text-slate-600">{ROLE_LABELS[actor.role]}</p>
          <form action={signOutStaff} className="mt-2">
            <button type="submit" className="text-brand-700 underline hover:no-underline">
              Se déconnecter
            </button>
          </form>
          <form action={signOutStaffEverywhere} className="mt-1">
            <button type="submit" className="text-brand-700 underline hover:no-underline">
              Se déconnecter partout
            </button>
          </form>
        </div>
      </Sidebar>
      <main id="contenu" tabIndex={-1} className="min-w-0 p-4 md:p-8">
        {mailboxNotice && (
          <p className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            <strong>Mode local :</strong> {mailboxNotice}
          </p>
        )}
        {children}
      </main>
    </div>
  );
}

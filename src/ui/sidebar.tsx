'use client';
import { useSyncExternalStore } from 'react';

// Whether the back office's menu is shown, remembered on this device (a tablet keeps its choice across pages).
const KEY = 'trousseau.menu';
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const isOpen = () => {
  try {
    return localStorage.getItem(KEY) !== 'ferme';
  } catch {
    return true;
  }
};

/**
 * The back office's side column, which can be folded to give a tablet's or small laptop's width to the page:
 * a disclosure button (aria-expanded) hides the menu and narrows the column; open by default.
 */
export function Sidebar({ children }: { children: React.ReactNode }) {
  const open = useSyncExternalStore(subscribe, isOpen, () => true);
  const toggle = () => {
    try {
      localStorage.setItem(KEY, open ? 'ferme' : 'ouvert');
    } catch {
      // Storage refused: the menu still folds for this page.
    }
    for (const listener of listeners) listener();
  };
  return (
    <header
      className={`border-b border-slate-200 bg-white md:min-h-screen md:border-b-0 md:border-r ${open ? 'md:w-64' : ''}`}
    >
      <div className="flex items-center gap-2 px-4 py-4">
        <img src="/logo.svg" alt="" width={28} height={28} />
        <span className={`text-lg font-semibold ${open ? '' : 'md:sr-only'}`}>Trousseau</span>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="menu-principal"
          onClick={toggle}
          className="ml-auto rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
        >
          {open ? 'Masquer le menu' : 'Afficher le menu'}
        </button>
      </div>
      <div id="menu-principal" hidden={!open}>
        {children}
      </div>
    </header>
  );
}

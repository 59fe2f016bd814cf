'use client';
import { useSyncExternalStore } from 'react';
import type { AccessStatus } from '@/shared/access/access-status-labels';

/** What the toolbar knows of a selected person (the server's SelectedRow). */
export type Selected = { id: string; name: string; status: AccessStatus; hasEmail: boolean };

/**
 * The selection of Gestion des accès, kept in the tab's sessionStorage (docs/decisions/015): it survives changing
 * page, page size, filter or a reload, and is the tab's own; it may hold thousands of ids, too many for a URL.
 */
const KEY = 'trousseau.acces.selection';
const listeners = new Set<() => void>();
let cache: Selected[] | null = null;
const EMPTY: Selected[] = [];

function read(): Selected[] {
  if (cache) return cache;
  try {
    const parsed = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    cache = Array.isArray(parsed) ? (parsed as Selected[]) : [];
  } catch {
    cache = [];
  }
  return cache;
}

function write(next: Selected[]) {
  cache = next;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or refused: the selection still works in this page.
  }
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useSelection(): Selected[] {
  return useSyncExternalStore(subscribe, read, () => EMPTY);
}

export const selection = {
  get: read,
  has: (id: string) => read().some((s) => s.id === id),
  /** Adds (or refreshes) people, keeping the order they were selected in. */
  add(people: Selected[]) {
    const byId = new Map(read().map((s) => [s.id, s]));
    for (const p of people) byId.set(p.id, p);
    write([...byId.values()]);
  },
  remove(ids: string[]) {
    const drop = new Set(ids);
    write(read().filter((s) => !drop.has(s.id)));
  },
  /** Fresh facts for people already selected (a status changed); nobody is added. */
  refresh(people: Selected[]) {
    const fresh = new Map(people.map((p) => [p.id, p]));
    const current = read();
    if (!current.some((s) => fresh.has(s.id) && JSON.stringify(fresh.get(s.id)) !== JSON.stringify(s))) return;
    write(current.map((s) => fresh.get(s.id) ?? s));
  },
  replace: (people: Selected[]) => write(people),
  clear: () => write([]),
};

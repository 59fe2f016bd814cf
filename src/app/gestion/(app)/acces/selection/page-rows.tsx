'use client';
import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { selection, useSelection, type Selected } from './store';

const PageRowsContext = createContext<Selected[]>([]);

const noSubscription = () => () => {};
/** False while server-rendered: the boxes stay disabled until they can keep a tick. */
export const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

/**
 * The rows of the page shown, in order: what "tout sélectionner sur cette page" and shift-click ranges act on. The
 * rows are fresh from the server, so a selected person's status is refreshed from them.
 */
export function PageRows({ rows, children }: { rows: Selected[]; children: React.ReactNode }) {
  useEffect(() => selection.refresh(rows), [rows]);
  return <PageRowsContext.Provider value={rows}>{children}</PageRowsContext.Provider>;
}

// The last box ticked or unticked by hand: the other end of a shift-click range.
let anchor: string | null = null;

/** The selection checkbox of a row; its accessible name is the person's name, so that a screen reader says whose. */
export function RowCheckbox({ row }: { row: Selected }) {
  const rows = useContext(PageRowsContext);
  const selected = useSelection();
  const hydrated = useHydrated();
  const checked = selected.some((s) => s.id === row.id);
  function onClick(event: React.MouseEvent<HTMLInputElement>) {
    const want = event.currentTarget.checked;
    const from = anchor ? rows.findIndex((r) => r.id === anchor) : -1;
    const to = rows.findIndex((r) => r.id === row.id);
    const range =
      event.shiftKey && from >= 0 && to >= 0 ? rows.slice(Math.min(from, to), Math.max(from, to) + 1) : [row];
    if (want) selection.add(range);
    else selection.remove(range.map((r) => r.id));
    anchor = row.id;
  }
  return (
    <input
      type="checkbox"
      name="ids"
      value={row.id}
      aria-label={row.name}
      className="size-4"
      checked={checked}
      disabled={!hydrated}
      onClick={onClick}
      onChange={() => {}}
    />
  );
}

/** The header box: ticks or unticks every row of the page shown. */
export function PageCheckbox() {
  const rows = useContext(PageRowsContext);
  const selected = useSelection();
  const hydrated = useHydrated();
  const ids = new Set(selected.map((s) => s.id));
  const onPage = rows.filter((r) => ids.has(r.id)).length;
  return (
    <input
      type="checkbox"
      aria-label="Tout sélectionner sur cette page"
      className="size-4"
      disabled={!hydrated || !rows.length}
      checked={rows.length > 0 && onPage === rows.length}
      ref={(box) => {
        if (box) box.indeterminate = onPage > 0 && onPage < rows.length;
      }}
      onChange={(e) => (e.target.checked ? selection.add(rows) : selection.remove(rows.map((r) => r.id)))}
    />
  );
}

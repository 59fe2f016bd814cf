'use client';
import { useEffect, useRef } from 'react';
import type { Selected } from './store';

const SHOWN = 10;

/**
 * A confirmation naming who it acts on (up to ten, then "et N autres"). A native modal dialog: it traps focus and,
 * when it closes, the browser gives focus back to the button that opened it.
 */
export function ConfirmDialog({
  title,
  body,
  button,
  people,
  onConfirm,
  onClose,
}: {
  title: string;
  body: string;
  button: string;
  people: Selected[];
  onConfirm: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const others = people.length - SHOWN;
  return (
    <dialog
      ref={dialog}
      aria-labelledby="confirmer-titre"
      aria-describedby="confirmer-texte"
      onClose={onClose}
      className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id="confirmer-titre" className="text-lg font-semibold">
        {title}
      </h2>
      <ul aria-label="Personnes concernées" className="mt-2 list-disc pl-5 text-sm">
        {people.slice(0, SHOWN).map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
        {others > 0 && <li>et {others.toLocaleString('fr-FR')} autres</li>}
      </ul>
      <p id="confirmer-texte" className="mt-2 text-sm text-slate-700">
        {body}
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button
          type="button"
          autoFocus
          onClick={() => dialog.current?.close()}
          className="rounded-md border border-slate-400 px-3 py-2"
        >
          Annuler
        </button>
        <button
          type="button"
          onClick={() => {
            onConfirm();
            dialog.current?.close();
          }}
          className="rounded-md bg-red-700 px-3 py-2 font-medium text-white hover:bg-red-800"
        >
          {button}
        </button>
      </div>
    </dialog>
  );
}

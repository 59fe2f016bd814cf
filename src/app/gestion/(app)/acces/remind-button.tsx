'use client';

/**
 * "Relancer" (docs/decisions/027): for the ticked people who never activated their access, a reminder while their
 * temporary password is valid, new credentials once it expired; both wait in the centre d'envoi.
 */
export function RemindButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      title="Relancer les personnes qui n'ont jamais activé leur accès"
      className="rounded-md border border-slate-500 px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60"
    >
      Relancer
    </button>
  );
}

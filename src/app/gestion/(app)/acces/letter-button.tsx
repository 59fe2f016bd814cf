'use client';

/**
 * "Générer la lettre d'identifiants": the envelope's credentials as a printable letter (docs/decisions/025), for people
 * without a usable e-mail address or who prefer paper. The letters wait "À imprimer" in the centre d'envoi.
 */
export function LetterButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      title="Générer la lettre d'identifiants (à imprimer, pour un envoi postal)"
      className="flex items-center justify-center gap-2 rounded-md border border-brand-600 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width="20"
        height="20"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 9V3h12v6" />
        <rect x="3" y="9" width="18" height="8" rx="2" />
        <path d="M6 14h12v7H6z" />
      </svg>
      Générer la lettre d&apos;identifiants
    </button>
  );
}

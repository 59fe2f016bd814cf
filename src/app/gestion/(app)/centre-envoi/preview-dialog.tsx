'use client';
import { useEffect, useRef } from 'react';
import type { MailPreview } from '@/shared/outbox/mail-preview';
import { usePrintLetters, type PrintResult } from './print-letters-button';

/** A button of the loupe's bar: Envoyer, Imprimer, then the caller's `actions`. */
export type LoupeAction = { key: string; label: string; primary?: boolean; disabled?: boolean; onClick: () => void };

/**
 * The loupe, as a native modal dialog (it traps focus; the opener gets focus back when it closes). Its actions stay
 * in view in a bar at the top while the mail scrolls under it; focus starts on the first one (Envoyer when the mail
 * waits for review). The HTML body is shown in an iframe with an empty sandbox and srcdoc: no script runs and, under
 * the page's CSP, nothing is loaded from outside. The text version is focusable, so it scrolls by keyboard.
 * Imprimer closes the loupe, whatever the outcome, so that the page's message about it is in view.
 */
export function PreviewDialog({
  preview,
  canSend,
  pending,
  onSend,
  onPrinted,
  onClose,
  actions = [],
}: {
  preview: MailPreview | null;
  canSend: boolean;
  pending: boolean;
  onSend: (id: string) => void;
  onPrinted: (result: PrintResult, id: string) => void;
  onClose: () => void;
  /** More actions, after Envoyer and before Fermer. */
  actions?: LoupeAction[];
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (preview && !d.open) {
      d.showModal();
      d.querySelector<HTMLButtonElement>('[data-loupe-action]')?.focus();
    }
    if (!preview && d.open) d.close();
  }, [preview]);

  const { print, busy } = usePrintLetters((result, [id]) => {
    dialog.current?.close();
    onPrinted(result, id!);
  });

  const all: LoupeAction[] = preview
    ? [
        ...(canSend && preview.status === 'PENDING_REVIEW'
          ? [{ key: 'send', label: 'Envoyer', primary: true, disabled: pending, onClick: () => onSend(preview.id) }]
          : []),
        ...(canSend && preview.status === 'TO_PRINT'
          ? [
              {
                key: 'print',
                label: busy ? 'Impression…' : 'Imprimer',
                primary: true,
                disabled: pending || busy,
                onClick: () => print([preview.id]),
              },
            ]
          : []),
        ...actions,
      ]
    : [];

  return (
    <dialog
      ref={dialog}
      aria-labelledby="apercu-titre"
      onClose={onClose}
      className="m-auto max-h-[92vh] w-[min(60rem,95vw)] overflow-y-auto rounded-lg p-0 backdrop:bg-slate-900/50"
    >
      {preview && (
        <div className="flex flex-col">
          <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-4">
            <h2 id="apercu-titre" className="text-xl font-semibold">
              {preview.channel === 'LETTER' ? 'Aperçu de la lettre' : 'Aperçu du mail'}
            </h2>
            <div className="flex gap-2">
              {all.map((action) => (
                <button
                  key={action.key}
                  data-loupe-action
                  type="button"
                  aria-disabled={action.disabled || undefined}
                  onClick={() => !action.disabled && action.onClick()}
                  className={
                    action.primary
                      ? 'rounded-md bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60'
                      : 'rounded-md border border-slate-400 px-3 py-1.5 hover:bg-slate-100'
                  }
                >
                  {action.label}
                </button>
              ))}
              <button
                type="button"
                data-loupe-action
                onClick={() => dialog.current?.close()}
                className="rounded-md border border-slate-400 px-3 py-1.5 hover:bg-slate-100"
              >
                Fermer
              </button>
            </div>
          </div>
          <div className="flex flex-col gap-4 p-6">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="font-medium text-slate-700">De</dt>
              <dd>{preview.from}</dd>
              <dt className="font-medium text-slate-700">À</dt>
              <dd>{preview.to}</dd>
              <dt className="font-medium text-slate-700">Objet</dt>
              <dd>{preview.subject}</dd>
              <dt className="font-medium text-slate-700">Date</dt>
              <dd>{preview.date}</dd>
              <dt className="font-medium text-slate-700">Statut</dt>
              <dd>{preview.statusLabel}</dd>
            </dl>
            {preview.deliveryEvents.length > 0 && (
              <section aria-labelledby="apercu-remise" className="rounded-md border border-slate-200 p-3 text-sm">
                <h3 id="apercu-remise" className="font-semibold">
                  Suivi de remise
                </h3>
                <ul className="mt-1 flex flex-col gap-1">
                  {preview.deliveryEvents.map((e, i) => (
                    <li key={i}>
                      <span className="font-medium">{e.label}</span> le {e.at} ({e.source})
                      {e.detail && <span className="block text-slate-700">{e.detail}</span>}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {preview.lastError && (
              <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
                Dernière erreur : {preview.lastError}
              </p>
            )}
            <p className="text-sm text-slate-700">
              {preview.channel === 'LETTER'
                ? 'Le mot de passe ou le lien est masqué : il n’est écrit que dans le PDF, au moment de l’impression, puis effacé.'
                : 'Le mot de passe ou le lien est masqué : il n’est mis dans le mail qu’au moment de l’envoi.'}
            </p>
            <h3 className="font-semibold">Version HTML</h3>
            <iframe
              title="Contenu HTML du mail"
              sandbox=""
              srcDoc={preview.html}
              className="h-[28rem] w-full rounded border border-slate-300 bg-white"
            />
            <div>
              <h3 id="apercu-texte" className="font-semibold">
                Version texte
              </h3>
              <div
                tabIndex={0}
                role="region"
                aria-labelledby="apercu-texte"
                className="mt-2 max-h-80 overflow-auto rounded bg-slate-50 p-3 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <pre className="whitespace-pre-wrap text-sm">{preview.text}</pre>
              </div>
            </div>
            {preview.headerFields.length > 0 && (
              <details className="rounded border border-slate-200 p-3">
                <summary className="cursor-pointer font-semibold">En-têtes ({preview.headerFields.length})</summary>
                <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs">
                  {preview.headerFields.map(([name, value], i) => (
                    <div key={i} className="contents">
                      <dt className="font-mono font-medium text-slate-700">{name}</dt>
                      <dd className="break-all font-mono">{value}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}

'use client';
import { useEffect, useRef } from 'react';
import type { MailPreview } from '@/server/outbox/preview-mail';
import { PrintLettersButton } from './print-letters-button';

/**
 * The loupe, as a native modal dialog (it traps focus; the table gives focus back to the button that opened it).
 * The HTML body is shown in an iframe with an empty sandbox and srcdoc: no script runs and, under the page's CSP,
 * nothing is loaded from outside.
 */
export function PreviewDialog({
  preview,
  canSend,
  pending,
  onSend,
  onPrinted,
  onClose,
}: {
  preview: MailPreview | null;
  canSend: boolean;
  pending: boolean;
  onSend: (id: string) => void;
  onPrinted: (result: { ok: boolean; text: string }, id: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (preview && !d.open) d.showModal();
    if (!preview && d.open) d.close();
  }, [preview]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="apercu-titre"
      onClose={onClose}
      className="m-auto max-h-[92vh] w-[min(60rem,95vw)] overflow-y-auto rounded-lg p-0 backdrop:bg-slate-900/50"
    >
      {preview && (
        <div className="flex flex-col gap-4 p-6">
          <div className="flex items-start justify-between gap-4">
            <h2 id="apercu-titre" className="text-xl font-semibold">
              {preview.channel === 'LETTER' ? 'Aperçu de la lettre' : 'Aperçu du mail'}
            </h2>
            <div className="flex gap-2">
              {canSend && preview.status === 'TO_PRINT' && (
                <PrintLettersButton
                  ids={[preview.id]}
                  className="rounded-md bg-brand-600 px-4 py-1 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
                  disabled={pending}
                  onDone={(result) => onPrinted(result, preview.id)}
                />
              )}
              {canSend && preview.status === 'PENDING_REVIEW' && (
                <button
                  type="button"
                  disabled={pending}
                  className="rounded-md bg-brand-600 px-4 py-1 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
                  onClick={() => onSend(preview.id)}
                >
                  Envoyer
                </button>
              )}
              <button
                type="button"
                className="rounded-md border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100"
                onClick={() => dialog.current?.close()}
              >
                Fermer
              </button>
            </div>
          </div>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium text-slate-600">De</dt>
            <dd>{preview.from}</dd>
            <dt className="font-medium text-slate-600">À</dt>
            <dd>{preview.to}</dd>
            <dt className="font-medium text-slate-600">Objet</dt>
            <dd>{preview.subject}</dd>
            <dt className="font-medium text-slate-600">Date</dt>
            <dd>{preview.date}</dd>
          </dl>
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
          <section aria-labelledby="apercu-texte">
            <h3 id="apercu-texte" className="font-semibold">
              Version texte
            </h3>
            <pre className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-sm">
              {preview.text}
            </pre>
          </section>
          {preview.headers && (
            <section aria-labelledby="apercu-entetes">
              <h3 id="apercu-entetes" className="font-semibold">
                En-têtes
              </h3>
              <pre className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-3 text-xs">
                {preview.headers}
              </pre>
            </section>
          )}
        </div>
      )}
    </dialog>
  );
}

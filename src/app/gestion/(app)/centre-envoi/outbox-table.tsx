'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import type { MailStatus } from '@/generated/prisma/enums';
import type { ActionResult } from '@/shared/action-result';
import type { MailPreview } from '@/shared/outbox/mail-preview';
import { cancelMailsAction, previewMailServerAction, retryMailsAction, sendMailsAction } from './actions';
import { MAIL_STATUS_LABELS } from '@/shared/outbox/mail-labels';
import { PreviewDialog } from './preview-dialog';
import { PrintLettersButton } from './print-letters-button';
import { ScrollRegion } from '@/ui/scroll-region';

export type OutboxRow = {
  id: string;
  date: string;
  to: string;
  subject: string;
  type: string;
  status: MailStatus;
  statusLabel: string;
  /** A timeout once the whole message was sent: the server may have taken it (decision 021). */
  maybeDelivered: boolean;
  detail: string | null;
};

const STATUS_STYLE: Record<MailStatus, string> = {
  PENDING_REVIEW: 'bg-amber-100 text-amber-900',
  SENDING: 'bg-sky-100 text-sky-900',
  SENT: 'bg-emerald-100 text-emerald-900',
  FAILED: 'bg-red-100 text-red-900',
  CANCELLED: 'bg-slate-100 text-slate-700',
  REPLACED: 'bg-slate-100 text-slate-700',
  BOUNCED: 'bg-red-100 text-red-900',
  COMPLAINED: 'bg-orange-100 text-orange-900',
  TO_PRINT: 'bg-amber-100 text-amber-900',
  PRINTED: 'bg-emerald-100 text-emerald-900',
};

const buttonClass =
  'rounded-md border border-slate-400 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-50';
const primaryClass =
  'rounded-md bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50';

export function OutboxTable({ rows: serverRows, canSend }: { rows: OutboxRow[]; canSend: boolean }) {
  const router = useRouter();
  // A letter just printed shows "Imprimé" at once, without a refresh: the notice to print the PDF now must stay on
  // screen, also when the filtered list would become empty (decision 025).
  const [printedIds, setPrintedIds] = useState<Set<string>>(new Set());
  const rows = serverRows.map((r) =>
    printedIds.has(r.id) ? { ...r, status: 'PRINTED' as const, statusLabel: MAIL_STATUS_LABELS.PRINTED } : r,
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const [preview, setPreview] = useState<MailPreview | null>(null);
  const [pending, startTransition] = useTransition();
  const opener = useRef<HTMLElement | null>(null);

  // While mails are on their way, follow them until they are sent or failed.
  const inFlight = rows.some((r) => r.status === 'SENDING');
  useEffect(() => {
    if (!inFlight) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [inFlight, router]);

  // Mails to check and send, and letters to print (decision 025).
  const selectable = rows.filter((r) => r.status === 'PENDING_REVIEW' || r.status === 'TO_PRINT');
  const selectedIds = selectable.filter((r) => selected.has(r.id)).map((r) => r.id);
  const selectedMails = selectable.filter((r) => selected.has(r.id) && r.status === 'PENDING_REVIEW').map((r) => r.id);
  const selectedLetters = selectable.filter((r) => selected.has(r.id) && r.status === 'TO_PRINT').map((r) => r.id);
  const printed = (result: { ok: boolean; text: string }, ids: string[]) => {
    setFeedback(result);
    if (!result.ok) return router.refresh();
    setSelected(new Set());
    setPrintedIds((prev) => new Set([...prev, ...ids]));
  };

  function run(action: (input: { ids: string[] }) => Promise<ActionResult>, ids: string[], after?: () => void) {
    startTransition(async () => {
      const result = await action({ ids });
      setFeedback(
        result.ok
          ? { ok: true, text: result.message ?? 'C’est fait.' }
          : { ok: false, text: result.fieldErrors?.ids?.[0] ?? result.error },
      );
      if (result.ok) {
        setSelected(new Set());
        after?.();
      }
      router.refresh();
    });
  }

  function openPreview(id: string, button: HTMLElement) {
    opener.current = button;
    startTransition(async () => {
      const result = await previewMailServerAction({ id });
      if (result.ok && result.data) setPreview(result.data);
      else setFeedback({ ok: false, text: result.ok ? 'Aperçu indisponible.' : result.error });
    });
  }

  function toggle(id: string, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <div className="flex flex-col gap-3">
      {canSend && (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={primaryClass}
            disabled={pending || selectedMails.length === 0}
            onClick={() => run(sendMailsAction, selectedMails)}
          >
            Envoyer la sélection
          </button>
          {selectable.some((r) => r.status === 'TO_PRINT') && (
            <PrintLettersButton
              ids={selectedLetters}
              label="Imprimer la sélection"
              className={primaryClass}
              disabled={pending}
              onDone={(result) => printed(result, selectedLetters)}
            />
          )}
          <span className="text-sm text-slate-700">
            {selectedIds.length
              ? `${selectedIds.length} mail${selectedIds.length > 1 ? 's' : ''} sélectionné${selectedIds.length > 1 ? 's' : ''}`
              : 'Cochez les mails à vérifier que vous voulez envoyer.'}
          </span>
        </div>
      )}
      <div aria-live="polite">
        {feedback && (
          <p
            role={feedback.ok ? 'status' : 'alert'}
            className={`rounded-md border p-3 text-sm ${feedback.ok ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-800'}`}
          >
            {feedback.text}
          </p>
        )}
      </div>
      <ScrollRegion label="Mails du centre d'envoi">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Mails du centre d&apos;envoi</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              {canSend && (
                <th scope="col" className="w-10 p-3">
                  <input
                    type="checkbox"
                    aria-label="Sélectionner tous les mails à vérifier de la page"
                    checked={selectable.length > 0 && selectedIds.length === selectable.length}
                    disabled={selectable.length === 0}
                    onChange={(e) => setSelected(new Set(e.target.checked ? selectable.map((r) => r.id) : []))}
                  />
                </th>
              )}
              <th scope="col" className="p-3">
                Date
              </th>
              <th scope="col" className="p-3">
                Destinataire
              </th>
              <th scope="col" className="p-3">
                Objet
              </th>
              <th scope="col" className="p-3">
                Type
              </th>
              <th scope="col" className="p-3">
                Statut
              </th>
              <th scope="col" className="p-3">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200 align-top">
                {canSend && (
                  <td className="p-3">
                    {(row.status === 'PENDING_REVIEW' || row.status === 'TO_PRINT') && (
                      <input
                        type="checkbox"
                        aria-label={`Sélectionner le mail à ${row.to}`}
                        checked={selected.has(row.id)}
                        onChange={(e) => toggle(row.id, e.target.checked)}
                      />
                    )}
                  </td>
                )}
                <td className="whitespace-nowrap p-3">{row.date}</td>
                <td className="p-3">{row.to}</td>
                <td className="p-3">{row.subject}</td>
                <td className="p-3">{row.type}</td>
                <td className="p-3">
                  <span className={`inline-block rounded px-2 py-0.5 font-medium ${STATUS_STYLE[row.status]}`}>
                    {row.statusLabel}
                  </span>
                  {row.maybeDelivered && row.status !== 'SENT' && (
                    <span className="ml-1 inline-block rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-900">
                      Peut-être déjà remis
                    </span>
                  )}
                  {row.detail && <p className="mt-1 max-w-xs text-xs text-slate-700">{row.detail}</p>}
                </td>
                <td className="p-3">
                  <div className="flex flex-wrap justify-end gap-2">
                    <button
                      type="button"
                      className={buttonClass}
                      aria-label="Aperçu"
                      title="Aperçu"
                      disabled={pending}
                      onClick={(e) => openPreview(row.id, e.currentTarget)}
                    >
                      <svg
                        aria-hidden="true"
                        viewBox="0 0 20 20"
                        width="18"
                        height="18"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="2"
                      >
                        <circle cx="8.5" cy="8.5" r="5.5" />
                        <path d="M12.5 12.5 18 18" strokeLinecap="round" />
                      </svg>
                    </button>
                    {canSend && row.status === 'PENDING_REVIEW' && (
                      <button
                        type="button"
                        className={primaryClass}
                        disabled={pending}
                        onClick={() => run(sendMailsAction, [row.id])}
                      >
                        Envoyer
                      </button>
                    )}
                    {canSend && row.status === 'TO_PRINT' && (
                      <PrintLettersButton
                        ids={[row.id]}
                        className={primaryClass}
                        disabled={pending}
                        onDone={(result) => printed(result, [row.id])}
                      />
                    )}
                    {canSend && row.status === 'FAILED' && (
                      <button
                        type="button"
                        className={primaryClass}
                        disabled={pending}
                        onClick={() => run(retryMailsAction, [row.id])}
                      >
                        Réessayer
                      </button>
                    )}
                    {canSend &&
                      (row.status === 'PENDING_REVIEW' || row.status === 'FAILED' || row.status === 'TO_PRINT') && (
                        <button
                          type="button"
                          className={buttonClass}
                          disabled={pending}
                          onClick={() => run(cancelMailsAction, [row.id])}
                        >
                          Annuler
                        </button>
                      )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <PreviewDialog
        preview={preview}
        canSend={canSend}
        pending={pending}
        onSend={(id) => run(sendMailsAction, [id], () => setPreview(null))}
        onPrinted={(result, id) => printed(result, [id])}
        onClose={() => {
          setPreview(null);
          opener.current?.focus();
        }}
      />
    </div>
  );
}

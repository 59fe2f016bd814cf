'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import type { JobProgress } from '@/shared/access/job-progress';
import type { MailPreview } from '@/shared/outbox/mail-preview';
import { previewMailServerAction, sendMailsAction } from '../../centre-envoi/actions';
import { PreviewDialog } from '../../centre-envoi/preview-dialog';
import { describeSelection, selectResults } from '../actions';
import { JobProgressBar } from '../job-progress';
import { MessageText } from '../message-text';
import { ConfirmDialog } from './confirm-dialog';
import { useHydrated } from './page-rows';
import { selection, useSelection } from './store';
import { TOOLBAR_ACTIONS, type ToolbarAction } from './toolbar-actions';

/** What the last action did (status) and what went wrong (alert), apart: an error never removes a link. */
type Notice = { text: string; outbox?: string; mailId?: string } | null;

const NOTHING_SELECTED = 'Cochez une ou plusieurs personnes dans la liste pour agir sur elles.';
const BUSY = 'Une action est en cours : attendez sa réponse.';

const TONES: Record<ToolbarAction['tone'], string> = {
  danger: 'border border-red-700 bg-white text-red-800 hover:bg-red-50',
  neutral: 'border border-slate-500 bg-white hover:bg-slate-50',
  primary: 'border border-brand-600 bg-brand-600 text-white hover:bg-brand-700',
};

/**
 * The sticky bar above the list: how many people are selected (on every page), the actions on them (each disabled
 * with its reason when it cannot apply), and their results and job progress in a live region right there. Actions
 * keep focus on the button that acted: they are aria-disabled, never disabled, while they run.
 */
export function SelectionToolbar({
  jobs,
  query,
  total,
  canPreview,
}: {
  jobs: JobProgress[];
  /** The list's filter as URL parameters, for "Sélectionner les N résultats". */
  query: Record<string, string>;
  total: number;
  canPreview: boolean;
}) {
  const router = useRouter();
  const people = useSelection();
  const hydrated = useHydrated();
  const [notice, setNotice] = useState<Notice>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<ToolbarAction | null>(null);
  const [preview, setPreview] = useState<MailPreview | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const previewButton = useRef<HTMLButtonElement>(null);
  const count = people.length;

  const reasonOf = (action: ToolbarAction) =>
    !hydrated ? null : pending ? BUSY : count === 0 ? NOTHING_SELECTED : action.unavailable(people);

  function execute(action: ToolbarAction) {
    const ids = people.map((p) => p.id);
    startTransition(async () => {
      const result = await action.run({ ids });
      setError(result.ok ? null : result.error);
      if (result.ok) {
        // The statuses first, so that the next action is judged on them when the result is read.
        const fresh = await describeSelection({ ids });
        if (fresh.ok && fresh.data) selection.replace(fresh.data);
        const single = ids.length === 1 ? people[0] : null;
        setNotice({
          text: result.message ?? 'C’est fait.',
          // A job links to the centre d'envoi itself, when it is done.
          ...(action.key === 'envelope' &&
            !result.data?.jobId && {
              outbox: `/gestion/centre-envoi?statut=PENDING_REVIEW${single ? `&q=${encodeURIComponent(single.name)}` : ''}`,
              mailId: result.data?.mailId,
            }),
        });
      }
      router.refresh();
    });
  }

  function activate(action: ToolbarAction) {
    const reason = reasonOf(action);
    setError(reason);
    if (reason) return;
    if (action.confirm) setConfirming(action);
    else execute(action);
  }

  function selectAll() {
    startTransition(async () => {
      const result = await selectResults(query);
      setError(result.ok ? null : result.error);
      if (result.ok && result.data) {
        selection.add(result.data);
        setNotice({ text: `${result.data.length.toLocaleString('fr-FR')} personnes sélectionnées.` });
      }
    });
  }

  function openPreview(id: string) {
    startTransition(async () => {
      const result = await previewMailServerAction({ id });
      if (result.ok && result.data) setPreview(result.data);
      else setError(result.ok ? 'Aperçu indisponible.' : result.error);
    });
  }

  function send(id: string) {
    startTransition(async () => {
      const result = await sendMailsAction({ ids: [id] });
      setPreview(null);
      // The loupe's button and the link stay: focus goes back to that button when the loupe closes.
      setError(result.ok ? null : result.error);
      if (result.ok) setNotice((before) => ({ ...before, text: result.message ?? 'Mail envoyé.' }));
      router.refresh();
    });
  }

  // A toolbar is one Tab stop; the arrow keys move between its buttons (WAI-ARIA toolbar pattern).
  function onToolbarKey(event: React.KeyboardEvent) {
    const last = TOOLBAR_ACTIONS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? Math.min(focusIndex + 1, last)
        : event.key === 'ArrowLeft'
          ? Math.max(focusIndex - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  }

  const reasons = TOOLBAR_ACTIONS.map((a) => ({ action: a, reason: count ? reasonOf(a) : null })).filter(
    (r) => r.reason && r.reason !== BUSY,
  );

  return (
    <section
      aria-label="Actions sur la sélection"
      className="sticky top-0 z-10 flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3 shadow-sm"
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p className="font-medium" aria-live="polite">
          {count === 0
            ? 'Aucune personne sélectionnée'
            : `${count.toLocaleString('fr-FR')} sélectionné${count > 1 ? 's' : ''}`}
        </p>
        {/* Both stay in place once used (aria-disabled, not removed): focus stays on the control that acted. */}
        {total > 0 && (
          <button
            type="button"
            onClick={() => count < total && selectAll()}
            disabled={!hydrated}
            aria-disabled={count >= total || undefined}
            className="text-sm text-brand-700 underline hover:no-underline aria-disabled:text-slate-700 aria-disabled:no-underline"
          >
            {count >= total
              ? 'Tous les résultats sont sélectionnés'
              : total === 1
                ? 'Sélectionner le résultat'
                : `Sélectionner les ${total.toLocaleString('fr-FR')} résultats`}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            if (!count) return;
            selection.clear();
            setNotice(null);
            setError(null);
          }}
          disabled={!hydrated}
          aria-disabled={count === 0 || undefined}
          className="text-sm text-brand-700 underline hover:no-underline aria-disabled:text-slate-700 aria-disabled:no-underline"
        >
          Tout désélectionner
        </button>
        <div
          role="toolbar"
          aria-label="Agir sur la sélection"
          onKeyDown={onToolbarKey}
          className="flex flex-wrap gap-2 sm:ml-auto"
        >
          {TOOLBAR_ACTIONS.map((action, i) => {
            const reason = reasonOf(action);
            return (
              <button
                key={action.key}
                ref={(b) => {
                  buttons.current[i] = b;
                }}
                type="button"
                tabIndex={i === focusIndex ? 0 : -1}
                onFocus={() => setFocusIndex(i)}
                onClick={() => activate(action)}
                aria-disabled={reason ? true : undefined}
                aria-describedby={reason ? `raison-${count ? action.key : 'vide'}` : undefined}
                className={`flex items-center gap-2 rounded-md px-3 py-2 font-medium ${TONES[action.tone]} aria-disabled:cursor-not-allowed aria-disabled:opacity-60`}
              >
                {action.icon}
                {action.label}
              </button>
            );
          })}
        </div>
      </div>
      {count === 0 ? (
        <p id="raison-vide" className="text-sm text-slate-700">
          {NOTHING_SELECTED}
        </p>
      ) : (
        reasons.length > 0 && (
          <ul className="text-sm text-slate-700">
            {reasons.map(({ action, reason }) => (
              <li key={action.key} id={`raison-${action.key}`}>
                <span className="font-medium">{action.label} : </span>
                <MessageText text={reason!} />
              </li>
            ))}
          </ul>
        )
      )}
      <div role="status" className="flex flex-col gap-2 empty:hidden">
        {pending && <p className="text-sm text-slate-700">Traitement en cours…</p>}
        {notice && (
          <div className="flex flex-wrap items-center gap-3 rounded-md border border-green-300 bg-green-50 p-2 text-sm text-green-900">
            <p>
              <MessageText text={notice.text} />
            </p>
            {notice.mailId && canPreview && (
              <button
                ref={previewButton}
                type="button"
                onClick={() => openPreview(notice.mailId!)}
                className="rounded-md border border-green-700 bg-white px-2 py-1 font-medium"
              >
                Aperçu du mail
              </button>
            )}
            {notice.outbox && (
              <Link href={notice.outbox} className="font-medium underline">
                Voir dans le centre d&apos;envoi
              </Link>
            )}
          </div>
        )}
        {jobs.map((job) => (
          <JobProgressBar key={job.id} initial={job} />
        ))}
      </div>
      <div role="alert" className="empty:hidden">
        {error && (
          <p className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
            <MessageText text={error} />
          </p>
        )}
      </div>
      {confirming?.confirm && (
        <ConfirmDialog
          title={confirming.confirm.title(count)}
          body={confirming.confirm.body}
          button={confirming.confirm.button}
          people={people}
          onConfirm={() => execute(confirming)}
          onClose={() => setConfirming(null)}
        />
      )}
      <PreviewDialog
        preview={preview}
        canSend
        pending={pending}
        onSend={send}
        onPrinted={(result) => {
          setError(result.ok ? null : result.text);
          if (result.ok) setNotice((before) => ({ ...before, text: result.text }));
          router.refresh();
        }}
        onClose={() => {
          setPreview(null);
          previewButton.current?.focus();
        }}
      />
    </section>
  );
}

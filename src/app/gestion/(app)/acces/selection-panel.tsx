'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, useTransition } from 'react';
import type { JobProgress } from '@/server/access/credentials-job';
import type { ActionResult } from '@/server/auth/staff-action';
import { enroll, generateCredentials, generateLetters, remind, unenroll } from './actions';
import { JobProgressBar } from './job-progress';
import { LetterButton } from './letter-button';
import { RemindButton } from './remind-button';
import { MessageText } from './message-text';

type Feedback = { kind: 'ok' | 'error'; text: string } | null;

const noSubscription = () => () => {};

const NOTHING_SELECTED = 'Sélectionnez au moins une personne dans la liste (cases à cocher à gauche des noms).';

/**
 * The selection form around the table and, on the right, the actions that act on it: Désinscrire (confirmed
 * first), Inscrire and the blue envelope. The server decides everything; this only gathers the ticked ids.
 */
export function SelectionPanel({ children, jobs }: { children: React.ReactNode; jobs: JobProgress[] }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [selected, setSelected] = useState(0);
  const [onPage, setOnPage] = useState(0);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();
  // Server-rendered boxes stay disabled until this component runs: a tick before hydration would be lost.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const boxes = useCallback(
    () => [...(formRef.current?.querySelectorAll<HTMLInputElement>('input[name="ids"]') ?? [])],
    [],
  );
  const recount = useCallback(() => {
    const all = boxes();
    setOnPage(all.length);
    setSelected(all.filter((b) => b.checked).length);
  }, [boxes]);
  // The rows are server-rendered and change on refresh or page change: count the boxes whenever the DOM does.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const frame = requestAnimationFrame(recount);
    const observer = new MutationObserver(recount);
    observer.observe(form, { childList: true, subtree: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [recount]);

  const selectedIds = () =>
    boxes()
      .filter((b) => b.checked)
      .map((b) => b.value);

  function run(action: (input: { ids: string[] }) => Promise<ActionResult<{ jobId: string } | undefined>>) {
    const ids = selectedIds();
    if (!ids.length) return setFeedback({ kind: 'error', text: NOTHING_SELECTED });
    startTransition(async () => {
      const result = await action({ ids });
      setFeedback(
        result.ok ? { kind: 'ok', text: result.message ?? 'C’est fait.' } : { kind: 'error', text: result.error },
      );
      router.refresh();
    });
  }

  function askUnenroll() {
    if (!selectedIds().length) return setFeedback({ kind: 'error', text: NOTHING_SELECTED });
    dialogRef.current?.showModal();
  }

  function toggleAll(checked: boolean) {
    for (const box of boxes()) box.checked = checked;
    recount();
  }

  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite" className="empty:hidden">
        {feedback?.kind === 'ok' && (
          <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            <MessageText text={feedback.text} />
          </p>
        )}
      </div>
      {feedback?.kind === 'error' && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <MessageText text={feedback.text} />
        </p>
      )}
      {jobs.map((job) => (
        <JobProgressBar key={job.id} initial={job} />
      ))}
      <form ref={formRef} onChange={recount} onSubmit={(e) => e.preventDefault()}>
        <fieldset disabled={!hydrated} className="flex min-w-0 flex-col-reverse gap-4 lg:flex-row lg:items-start">
          <div className="min-w-0 flex-1 overflow-x-auto rounded-lg border border-slate-200 bg-white">{children}</div>
          <aside
            aria-label="Actions sur la sélection"
            className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 lg:sticky lg:top-4 lg:w-60"
          >
            <p className="text-sm text-slate-700" aria-live="polite">
              {selected === 0
                ? 'Aucune personne sélectionnée'
                : `${selected} personne${selected > 1 ? 's' : ''} sélectionnée${selected > 1 ? 's' : ''}`}
            </p>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4"
                disabled={!onPage}
                checked={onPage > 0 && selected === onPage}
                onChange={(e) => toggleAll(e.target.checked)}
              />
              Tout sélectionner sur cette page
            </label>
            <button
              type="button"
              onClick={askUnenroll}
              disabled={pending}
              className="rounded-md border border-red-700 px-3 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
            >
              Désinscrire
            </button>
            <button
              type="button"
              onClick={() => run(enroll)}
              disabled={pending}
              className="rounded-md border border-slate-500 px-3 py-2 font-medium hover:bg-slate-50 disabled:opacity-60"
            >
              Inscrire
            </button>
            <button
              type="button"
              onClick={() => run(generateCredentials)}
              disabled={pending}
              aria-label="Générer le mail d'identifiants"
              title="Générer le mail d'identifiants"
              className="flex items-center justify-center gap-2 rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                width="24"
                height="24"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <rect x="3" y="5" width="18" height="14" rx="2" />
                <path d="m3 7 9 6 9-6" />
              </svg>
            </button>
            <LetterButton disabled={pending} onClick={() => run(generateLetters)} />
            <RemindButton disabled={pending} onClick={() => run(remind)} />
            {pending && <p className="text-sm text-slate-600">Traitement en cours…</p>}
          </aside>
        </fieldset>
      </form>
      <dialog
        ref={dialogRef}
        aria-labelledby="unenroll-title"
        className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id="unenroll-title" className="text-lg font-semibold">
          Désinscrire {selected} accès ?
        </h2>
        <p className="mt-2 text-sm text-slate-700">
          Leurs identifiants cessent de fonctionner tout de suite, leurs sessions ouvertes sont fermées et les mails
          d&apos;identifiants non envoyés sont annulés. Vous pourrez les inscrire à nouveau ensuite.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="rounded-md border border-slate-400 px-3 py-2"
          >
            Annuler
          </button>
          <button
            type="button"
            onClick={() => {
              dialogRef.current?.close();
              run(unenroll);
            }}
            className="rounded-md bg-red-700 px-3 py-2 font-medium text-white hover:bg-red-800"
          >
            Confirmer la désinscription
          </button>
        </div>
      </dialog>
    </div>
  );
}

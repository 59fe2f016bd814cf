'use client';
import { useActionState, useState, useTransition } from 'react';
import type { ActionResult } from '@/shared/action-result';
import { tooLargeFile, TOO_LARGE_MESSAGE } from '@/shared/upload-limits';

type Action<T> = (form: FormData) => Promise<ActionResult<T>>;

/** The answer when the server could not be reached or refused the request without a result (413, a restart…). */
export const UNREACHABLE: ActionResult<never> = {
  ok: false,
  error: 'Le serveur n’a pas pu traiter la demande (indisponible ou redémarrage) : réessayez dans un instant.',
};

/**
 * Submits a form to a staff action without React's automatic form reset, so a refused form keeps what was typed.
 * The submit button's name/value (e.g. "Enregistrer quand même") is part of the data.
 */
export function useActionForm<T>(
  action: Action<T>,
  onSuccess?: (result: Extract<ActionResult<T>, { ok: true }>) => void,
) {
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    if (tooLargeFile(form)) return setState({ ok: false, error: TOO_LARGE_MESSAGE });
    startTransition(async () => {
      const result = await action(form).catch(() => UNREACHABLE as ActionResult<T>);
      setState(result);
      if (result.ok) onSuccess?.(result);
    });
  };
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return { state, pending, onSubmit, fieldError, reset: () => setState(null) };
}

/** The outcome of the last submission: an alert for a failure, a polite status for a success. */
export function FormMessage({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return <p role="status" className="sr-only" />;
  if (!state.ok) {
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
        {state.error}
      </p>
    );
  }
  return (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
      {state.message}
    </p>
  );
}

export const buttonClass =
  'rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60';
export const secondaryButtonClass =
  'rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60';

/** The submit button of an edit form (tiers, bien, bail), saying "Enregistrement…" while it saves. */
export function SaveButton({ pending, children }: { pending: boolean; children: string }) {
  return (
    <div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Enregistrement…' : children}
      </button>
    </div>
  );
}

/**
 * A form bound directly to a staff server action (prev state, FormData) → ActionResult, for small one-button
 * actions: shows what the action did or why it failed, and disables its controls while it runs.
 */
export function ActionForm({
  action,
  children,
  className,
}: {
  action: (prev: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;
  children: React.ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={className} aria-busy={pending || undefined}>
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
      {state && (
        <p
          role={state.ok ? 'status' : 'alert'}
          className={`basis-full text-sm ${state.ok ? 'text-emerald-800' : 'text-red-700'}`}
        >
          {state.ok ? state.message : state.error}
        </p>
      )}
    </form>
  );
}

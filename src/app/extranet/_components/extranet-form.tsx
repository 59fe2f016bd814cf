'use client';
import { useActionState } from 'react';
import type { ActionResult } from '@/shared/action-result';

/** An extranet form bound to a server action: its fields get the action's field errors, its outcome is announced
 * (role=status / role=alert). (The back office's one-button forms are `ActionForm` in src/ui.) */
export function ExtranetForm({
  action,
  submitLabel,
  pendingLabel,
  wideSubmit = false,
  children,
}: {
  action: (state: ActionResult, form: FormData) => Promise<ActionResult>;
  submitLabel: string;
  pendingLabel: string;
  /** The submit button spans the form (the signed-out pages) instead of fitting its label. */
  wideSubmit?: boolean;
  children: (errors: Record<string, string[]>) => React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(action, { ok: true });
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state.ok && state.message && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {state.message}
        </p>
      )}
      {!state.ok && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.error}
        </p>
      )}
      {children(state.ok ? {} : (state.fieldErrors ?? {}))}
      <button
        type="submit"
        disabled={pending}
        className={`${wideSubmit ? '' : 'self-start '}rounded-md bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60`}
      >
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}

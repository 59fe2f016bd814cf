'use client';
import { useActionState } from 'react';

type Result = { ok: true; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/**
 * A form bound to a staff server action (prev state, FormData) → ActionResult: shows what the action did
 * (role=status) or why it failed (role=alert), and disables its buttons while it runs.
 */
export function ActionForm({
  action,
  children,
  className,
}: {
  action: (prev: Result | null, form: FormData) => Promise<Result>;
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
        <p role={state.ok ? 'status' : 'alert'} className={`basis-full text-sm ${state.ok ? 'text-emerald-800' : 'text-red-700'}`}>
          {state.ok ? state.message : state.error}
        </p>
      )}
    </form>
  );
}

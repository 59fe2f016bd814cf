'use client';
import { useActionState } from 'react';
import type { ActionResult } from '@/server/auth/staff-action';
import { Field } from '@/ui/field';
import { askPasswordReset } from './actions';

export function ResetRequestForm() {
  const [state, action, pending] = useActionState<ActionResult, FormData>(askPasswordReset, { ok: true });
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
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
      <Field
        label="Identifiant ou adresse e-mail"
        name="identifier"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        error={!state.ok ? state.fieldErrors?.identifier?.[0] : undefined}
      />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? 'Envoi…' : 'Recevoir un lien'}
      </button>
    </form>
  );
}

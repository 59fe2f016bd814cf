'use client';
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/shared/action-result';
import { PasswordFeedback } from './password-feedback';
import { PasswordInput } from './password-input';

type Props = {
  action: (state: ActionResult, form: FormData) => Promise<ActionResult>;
  login: string;
  names: (string | null)[];
  /** Hidden fields carried with the form (the link's token). */
  hidden?: Record<string, string>;
  /** Asks for the current password too (from "Sécurité"). */
  withCurrent?: boolean;
  submitLabel?: string;
};

/** "Nouveau mot de passe" + "Confirmer le mot de passe", with live feedback from the shared policy. */
export function NewPasswordForm({
  action,
  login,
  names,
  hidden = {},
  withCurrent = false,
  submitLabel = 'Enregistrer',
}: Props) {
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(action, { ok: true });
  const [password, setPassword] = useState('');
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    // After a refused try React resets the form: the meter follows the emptied field (no verdict on nothing).
    <form action={formAction} onReset={() => setPassword('')} className="flex flex-col gap-4" noValidate>
      {!state.ok && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.error}
        </p>
      )}
      {state.ok && state.message && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-800">
          {state.message}
        </p>
      )}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* Lets password managers attach the new password to the right identifiant. */}
      <input type="text" name="username" autoComplete="username" value={login} readOnly hidden />
      {withCurrent && (
        <PasswordInput
          label="Mot de passe actuel"
          name="current"
          autoComplete="current-password"
          required
          error={errors.current}
        />
      )}
      <PasswordInput
        label="Nouveau mot de passe"
        name="password"
        autoComplete="new-password"
        required
        error={errors.password}
        describedBy="password-feedback"
        onValueChange={setPassword}
      />
      <PasswordFeedback id="password-feedback" password={password} context={{ login, names }} />
      <PasswordInput
        label="Confirmer le mot de passe"
        name="confirm"
        autoComplete="new-password"
        required
        error={errors.confirm}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? 'Enregistrement…' : submitLabel}
      </button>
    </form>
  );
}

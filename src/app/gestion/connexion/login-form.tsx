'use client';
import { useActionState } from 'react';
import { signInStaff, type SignInState } from './actions';
import { Field } from '@/ui/field';

export function StaffLoginForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInStaff, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error && (
        <p
          role="alert"
          id="login-error"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
        >
          {state.error}
        </p>
      )}
      <Field
        label="Adresse e-mail"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.email}
        describedBy={state.error ? 'login-error' : undefined}
      />
      <Field
        label="Mot de passe"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        describedBy={state.error ? 'login-error' : undefined}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? 'Connexion…' : 'Se connecter'}
      </button>
    </form>
  );
}

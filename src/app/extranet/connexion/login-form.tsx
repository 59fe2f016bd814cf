'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/ui/field';
import { PasswordInput } from '../_components/password-input';
import { signInExtranetForm, type ExtranetSignInState } from './actions';
import { RetryCountdown } from './retry-countdown';

export function ExtranetLoginForm({ phone }: { phone: string | null }) {
  const [state, action, pending] = useActionState<ExtranetSignInState, FormData>(signInExtranetForm, {});
  const describedBy = state.error ? 'login-error' : undefined;
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
      {state.retryAt && <RetryCountdown key={state.retryAt} until={state.retryAt} phone={phone} />}
      <Field
        label="Identifiant"
        name="login"
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        defaultValue={state.login}
        describedBy={describedBy}
        hint="Il figure dans l'e-mail de l'agence, par exemple martin.k7m2."
      />
      <PasswordInput
        label="Mot de passe"
        name="password"
        autoComplete="current-password"
        required
        describedBy={describedBy}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="remember" className="size-4" defaultChecked={state.remember} />
        Rester connecté (30 jours au plus sur cet appareil ; ne cochez pas sur un ordinateur partagé)
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? 'Connexion…' : 'Se connecter'}
      </button>
      <Link href="/extranet/mot-de-passe-oublie" className="self-start text-brand-700 underline hover:no-underline">
        Mot de passe oublié ?
      </Link>
    </form>
  );
}

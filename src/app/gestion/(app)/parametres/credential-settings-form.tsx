'use client';
import { useActionState } from 'react';
import type { ActionResult } from '@/shared/action-result';
import { FormMessage } from '@/ui/action-form';
import type { CredentialSettings } from '@/shared/settings/credential-settings';
import { Field } from '@/ui/field';
import { saveCredentialSettings } from './credential-settings-actions';

const MODES = [
  {
    value: 'TEMPORARY_PASSWORD',
    label: 'Mot de passe provisoire',
    hint: 'Le mail contient l’identifiant et un mot de passe provisoire, à changer à la première connexion.',
  },
  {
    value: 'ACTIVATION_LINK',
    label: "Lien d'activation",
    hint: 'Le mail contient l’identifiant et un lien à usage unique pour choisir son mot de passe (recommandé par l’OWASP).',
  },
] as const;

export function CredentialSettingsForm({ current }: { current: CredentialSettings }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(saveCredentialSettings, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <fieldset className="flex flex-col gap-3" aria-describedby={errors?.deliveryMode ? 'mode-error' : undefined}>
        <legend className="mb-2 font-medium">Mode d&apos;envoi des identifiants</legend>
        {MODES.map((mode) => (
          <div key={mode.value} className="flex items-start gap-2">
            <input
              type="radio"
              id={`mode-${mode.value}`}
              name="deliveryMode"
              value={mode.value}
              defaultChecked={current.deliveryMode === mode.value}
              aria-describedby={`mode-${mode.value}-hint`}
              className="mt-1 size-4"
            />
            <div>
              <label htmlFor={`mode-${mode.value}`} className="font-medium">
                {mode.label}
              </label>
              <p id={`mode-${mode.value}-hint`} className="text-sm text-slate-600">
                {mode.hint}
              </p>
            </div>
          </div>
        ))}
        {errors?.deliveryMode && (
          <p id="mode-error" className="text-sm text-red-700">
            {errors.deliveryMode[0]}
          </p>
        )}
      </fieldset>
      <div className="max-w-xs">
        <Field
          label="Durée de validité du mot de passe provisoire (jours)"
          name="temporaryPasswordDays"
          type="number"
          min={1}
          max={90}
          inputMode="numeric"
          defaultValue={current.temporaryPasswordDays}
          hint="Entre 1 et 90 jours. S'applique aussi au lien d'activation."
          error={errors?.temporaryPasswordDays?.[0]}
          required
        />
      </div>
      <div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? 'Enregistrement…' : 'Enregistrer'}
        </button>
      </div>
    </form>
  );
}

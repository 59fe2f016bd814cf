'use client';
import { useActionState } from 'react';
import type { ActionResult } from '@/shared/action-result';
import { FormMessage } from '@/ui/action-form';
import { Field } from '@/ui/field';
import { saveReminderSettings } from './reminder-settings-actions';

/** Paramètres → "Relance automatique" (docs/decisions/027). */
export function ReminderSettingsForm({
  current,
}: {
  current: { reminderDaysBeforeExpiry: number | null; reminderReview: boolean };
}) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(saveReminderSettings, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <div className="max-w-xs">
        <Field
          label="Relancer automatiquement (jours avant l'expiration)"
          name="reminderDaysBeforeExpiry"
          type="number"
          min={1}
          max={30}
          inputMode="numeric"
          defaultValue={current.reminderDaysBeforeExpiry ?? ''}
          hint="Une relance par personne jamais connectée, ce nombre de jours avant que son mot de passe provisoire (ou son lien) expire. Vide : pas de relance automatique."
          error={errors?.reminderDaysBeforeExpiry?.[0]}
        />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">La relance automatique</legend>
        {(
          [
            ['review', 'Attend ma vérification dans le Centre d’envoi (« À vérifier »)'],
            ['direct', 'Est envoyée directement'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name="reminderReview"
              value={value}
              defaultChecked={(value === 'review') === current.reminderReview}
              className="size-4"
            />
            {label}
          </label>
        ))}
        {errors?.reminderReview && <p className="text-sm text-red-700">{errors.reminderReview[0]}</p>}
      </fieldset>
      <div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? 'Enregistrement…' : 'Appliquer la relance'}
        </button>
      </div>
    </form>
  );
}

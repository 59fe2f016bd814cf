'use client';
import { useActionState } from 'react';
import type { ActionResult } from '@/shared/action-result';
import { FormMessage } from '@/ui/action-form';
import type { SessionLifetimes } from '@/shared/session/lifetimes';
import { Field } from '@/ui/field';
import { saveSessionLifetimes } from './credential-settings-actions';

const FIELDS: { name: keyof SessionLifetimes; label: string; hint: string; min: number; max: number }[] = [
  {
    name: 'staffIdleMinutes',
    label: 'Équipe : fin après inactivité (minutes)',
    hint: 'Par défaut 120.',
    min: 5,
    max: 720,
  },
  {
    name: 'staffAbsoluteHours',
    label: 'Équipe : durée maximale (heures)',
    hint: 'Par défaut 12, au plus 24.',
    min: 1,
    max: 24,
  },
  {
    name: 'extranetIdleMinutes',
    label: 'Extranet : fin après inactivité (minutes)',
    hint: 'Par défaut 30.',
    min: 5,
    max: 720,
  },
  {
    name: 'extranetRememberDays',
    label: 'Extranet : « Rester connecté » (jours)',
    hint: 'Par défaut 30, au plus 90. Sans la case, la session finit avec le navigateur (12 heures au plus).',
    min: 1,
    max: 90,
  },
];

export function SessionSettingsForm({ current }: { current: SessionLifetimes }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(saveSessionLifetimes, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <Field
            key={f.name}
            label={f.label}
            name={f.name}
            type="number"
            min={f.min}
            max={f.max}
            inputMode="numeric"
            defaultValue={current[f.name]}
            hint={f.hint}
            error={errors?.[f.name]?.[0]}
            required
          />
        ))}
      </div>
      <div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? 'Enregistrement…' : 'Appliquer ces durées'}
        </button>
      </div>
    </form>
  );
}

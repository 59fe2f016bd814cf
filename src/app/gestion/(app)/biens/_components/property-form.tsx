'use client';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/shared/action-result';
import { PROPERTY_KIND_LABELS } from '@/shared/properties/labels';
import { FormMessage, SaveButton, useActionForm } from '@/ui/action-form';
import { Combobox } from '@/ui/combobox';
import { Field, SelectField } from '@/ui/field';

export type PropertyValues = {
  id?: string;
  kind: string;
  addressLine: string;
  postalCode: string;
  city: string;
  unitLabel: string | null;
  surface: string;
  ownerId: string;
  externalRef: string | null;
};

type Props = {
  action: (form: FormData) => Promise<ActionResult<{ id: string }>>;
  owners: { id: string; label: string }[];
  values?: PropertyValues;
  readOnly?: boolean;
};

export function PropertyForm({ action, owners, values: v, readOnly = false }: Props) {
  const router = useRouter();
  const { state, pending, onSubmit, fieldError } = useActionForm(action, (result) => {
    if (!v?.id && result.data?.id) router.push(`/gestion/biens/${result.data.id}`);
    else router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
      {v?.id && <input type="hidden" name="id" value={v.id} />}
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Le bien</legend>
        <SelectField
          label="Type de bien"
          name="kind"
          defaultValue={v?.kind ?? 'APPARTEMENT'}
          error={fieldError('kind')}
          options={Object.entries(PROPERTY_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Combobox
          label="Propriétaire"
          name="ownerId"
          options={owners}
          defaultValue={v?.ownerId ?? ''}
          error={fieldError('ownerId')}
        />
        <Field
          label="Adresse"
          name="addressLine"
          defaultValue={v?.addressLine ?? ''}
          error={fieldError('addressLine')}
          autoComplete="off"
        />
        <Field
          label="Lot"
          name="unitLabel"
          hint="Numéro de lot, bâtiment, étage."
          defaultValue={v?.unitLabel ?? ''}
          error={fieldError('unitLabel')}
          autoComplete="off"
        />
        <Field
          label="Code postal"
          name="postalCode"
          inputMode="numeric"
          defaultValue={v?.postalCode ?? ''}
          error={fieldError('postalCode')}
          autoComplete="off"
        />
        <Field label="Ville" name="city" defaultValue={v?.city ?? ''} error={fieldError('city')} autoComplete="off" />
        <Field
          label="Surface (m²)"
          name="surfaceM2"
          inputMode="decimal"
          hint="Exemple : 45,50"
          defaultValue={v?.surface ?? ''}
          error={fieldError('surfaceM2')}
          autoComplete="off"
        />
        <Field
          label="Référence externe"
          name="externalRef"
          defaultValue={v?.externalRef ?? ''}
          error={fieldError('externalRef')}
          autoComplete="off"
        />
      </fieldset>
      <FormMessage state={state} />
      {!readOnly && <SaveButton pending={pending}>Enregistrer</SaveButton>}
    </form>
  );
}

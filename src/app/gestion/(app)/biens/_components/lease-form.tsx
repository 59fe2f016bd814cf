'use client';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/shared/action-result';
import { FormMessage, SaveButton, useActionForm } from '@/ui/action-form';
import { Combobox } from '@/ui/combobox';
import { Field } from '@/ui/field';

export type LeaseValues = {
  id?: string;
  startDate: string;
  endDate: string;
  rent: string;
  charges: string;
  deposit: string;
  primaryTenantId: string;
  coTenantIds: string[];
  externalRef: string | null;
};

type Props = {
  action: (form: FormData) => Promise<ActionResult<{ id: string }>>;
  propertyId: string;
  tenants: { id: string; label: string }[];
  values?: LeaseValues;
  readOnly?: boolean;
};

export function LeaseForm({ action, propertyId, tenants, values: v, readOnly = false }: Props) {
  const router = useRouter();
  const { state, pending, onSubmit, fieldError } = useActionForm(action, (result) => {
    if (!v?.id && result.data?.id) router.push(`/gestion/biens/${propertyId}/baux/${result.data.id}`);
    else router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
      {v?.id ? (
        <input type="hidden" name="id" value={v.id} />
      ) : (
        <input type="hidden" name="propertyId" value={propertyId} />
      )}
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Le bail</legend>
        <Field
          label="Date de début"
          name="startDate"
          type="date"
          defaultValue={v?.startDate ?? ''}
          error={fieldError('startDate')}
        />
        <Field
          label="Date de fin"
          name="endDate"
          type="date"
          hint="Laissez vide si le bail est en cours."
          defaultValue={v?.endDate ?? ''}
          error={fieldError('endDate')}
        />
        <Field
          label="Loyer (€)"
          name="rentCents"
          inputMode="decimal"
          hint="Exemple : 1 234,56"
          defaultValue={v?.rent ?? ''}
          error={fieldError('rentCents')}
          autoComplete="off"
        />
        <Field
          label="Charges (€)"
          name="chargesCents"
          inputMode="decimal"
          defaultValue={v?.charges ?? ''}
          error={fieldError('chargesCents')}
          autoComplete="off"
        />
        <Field
          label="Dépôt de garantie (€)"
          name="depositCents"
          inputMode="decimal"
          defaultValue={v?.deposit ?? ''}
          error={fieldError('depositCents')}
          autoComplete="off"
        />
        <Field
          label="Référence externe"
          name="externalRef"
          defaultValue={v?.externalRef ?? ''}
          error={fieldError('externalRef')}
          autoComplete="off"
        />
        <Combobox
          label="Locataire principal"
          name="primaryTenantId"
          options={tenants}
          defaultValue={v?.primaryTenantId ?? ''}
          error={fieldError('primaryTenantId')}
        />
        <Combobox
          label="Colocataires"
          name="coTenantIds"
          multiple
          options={tenants}
          defaultValue={v?.coTenantIds ?? []}
          hint="Facultatif ; ajoutez-en autant que nécessaire."
          error={fieldError('coTenantIds')}
        />
      </fieldset>
      <FormMessage state={state} />
      {!readOnly && <SaveButton pending={pending}>Enregistrer le bail</SaveButton>}
    </form>
  );
}

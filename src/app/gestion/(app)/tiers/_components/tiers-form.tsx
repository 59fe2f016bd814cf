'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { buttonClass, FormMessage, SaveButton, useActionForm } from '@/ui/action-form';
import { EmailField } from '@/ui/email-field';
import { Field, SelectField } from '@/ui/field';
import type { ActionResult } from '@/shared/action-result';
import type { SaveTiersData } from '@/shared/tiers/save-tiers-data';

export type TiersValues = {
  id?: string;
  kind: string;
  civility: string | null;
  lastName: string;
  firstName: string | null;
  companyName: string | null;
  email: string | null;
  phone: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  externalRef: string | null;
};

type Props = {
  action: (form: FormData) => Promise<ActionResult<SaveTiersData>>;
  values?: TiersValues;
  readOnly?: boolean;
};

/** Create and edit a tiers; a suspected duplicate is shown before saving, with "Enregistrer quand même". */
export function TiersForm({ action, values, readOnly = false }: Props) {
  const router = useRouter();
  const { state, pending, onSubmit, fieldError } = useActionForm(action, (result) => {
    if (result.data?.id && !values?.id) router.push(`/gestion/tiers/${result.data.id}`);
    else if (result.data?.id) router.refresh();
  });
  const duplicates = state?.ok ? state.data?.duplicates : undefined;
  const asking = !!duplicates?.length || !!(state?.ok && state.data?.emailSuggestion);
  const v = values;
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
      {v?.id && <input type="hidden" name="id" value={v.id} />}
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Coordonnées</legend>
        <SelectField
          label="Type"
          name="kind"
          defaultValue={v?.kind ?? 'LOCATAIRE'}
          error={fieldError('kind')}
          options={[
            { value: 'LOCATAIRE', label: 'Locataire' },
            { value: 'PROPRIETAIRE', label: 'Propriétaire' },
          ]}
        />
        <SelectField
          label="Civilité"
          name="civility"
          defaultValue={v?.civility ?? ''}
          error={fieldError('civility')}
          options={[
            { value: '', label: '(aucune)' },
            { value: 'M.', label: 'M.' },
            { value: 'Mme', label: 'Mme' },
            { value: 'M. et Mme', label: 'M. et Mme' },
          ]}
        />
        <Field
          label="Nom"
          name="lastName"
          defaultValue={v?.companyName ? '' : (v?.lastName ?? '')}
          error={fieldError('lastName')}
          autoComplete="off"
        />
        <Field
          label="Prénom"
          name="firstName"
          defaultValue={v?.firstName ?? ''}
          error={fieldError('firstName')}
          autoComplete="off"
        />
        <Field
          label="Raison sociale"
          name="companyName"
          hint="Pour une société (SCI, SARL…) : laissez alors le nom vide."
          defaultValue={v?.companyName ?? ''}
          error={fieldError('companyName')}
          autoComplete="off"
        />
        <EmailField
          defaultValue={v?.email ?? ''}
          error={fieldError('email')}
          suggestion={state?.ok ? state.data?.emailSuggestion : null}
        />
        <Field
          label="Téléphone"
          name="phone"
          type="tel"
          hint="06 12 34 56 78 ou +33 6 12 34 56 78"
          defaultValue={v?.phone ?? ''}
          error={fieldError('phone')}
          autoComplete="off"
        />
        <Field
          label="Adresse"
          name="addressLine"
          defaultValue={v?.addressLine ?? ''}
          error={fieldError('addressLine')}
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
          label="Référence externe"
          name="externalRef"
          hint="La référence dans votre logiciel de gestion : elle sert aux imports."
          defaultValue={v?.externalRef ?? ''}
          error={fieldError('externalRef')}
          autoComplete="off"
        />
      </fieldset>
      {asking ? (
        <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">{state?.ok && state.message}</p>
          {!!duplicates?.length && (
            <ul className="mt-2 list-disc pl-5">
              {duplicates?.map((d) => (
                <li key={d.id}>
                  <Link href={`/gestion/tiers/${d.id}`} className="underline">
                    {d.name}
                  </Link>
                  {d.externalRef ? ` (${d.externalRef})` : ''} : {d.reason}
                </li>
              ))}
            </ul>
          )}
          <button
            type="submit"
            name="confirmDuplicates"
            value="on"
            disabled={pending}
            className={`${buttonClass} mt-3`}
          >
            Enregistrer quand même
          </button>
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      {!readOnly && <SaveButton pending={pending}>Enregistrer</SaveButton>}
    </form>
  );
}

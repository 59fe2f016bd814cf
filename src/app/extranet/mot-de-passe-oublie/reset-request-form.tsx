'use client';
import { Field } from '@/ui/field';
import { ActionForm } from '../_components/action-form';
import { askPasswordReset } from './actions';

export function ResetRequestForm() {
  return (
    <ActionForm action={askPasswordReset} submitLabel="Recevoir un lien" pendingLabel="Envoi…" wideSubmit>
      {(errors) => (
        <Field
          label="Identifiant ou adresse e-mail"
          name="identifier"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={errors.identifier?.[0]}
        />
      )}
    </ActionForm>
  );
}

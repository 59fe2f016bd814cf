'use client';
import { Field } from '@/ui/field';
import { ExtranetForm } from '../_components/extranet-form';
import { askPasswordReset } from './actions';

export function ResetRequestForm() {
  return (
    <ExtranetForm action={askPasswordReset} submitLabel="Recevoir un lien" pendingLabel="Envoi…" wideSubmit>
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
    </ExtranetForm>
  );
}

'use client';
import { Field, TextAreaField } from '@/ui/field';
import { ActionForm } from '../_components/action-form';
import { saveContactDetails, sendMessageToAgency } from './actions';

export function ContactDetailsForm({ email, phone }: { email: string | null; phone: string | null }) {
  return (
    <ActionForm action={saveContactDetails} submitLabel="Enregistrer mes coordonnées" pendingLabel="Enregistrement…">
      {(errors) => (
        <>
          <Field
            label="Adresse e-mail"
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={email ?? ''}
            required
            error={errors.email?.[0]}
          />
          <Field
            label="Téléphone"
            name="phone"
            type="tel"
            autoComplete="tel"
            defaultValue={phone ?? ''}
            error={errors.phone?.[0]}
          />
        </>
      )}
    </ActionForm>
  );
}

export function ContactAgencyForm() {
  return (
    <ActionForm action={sendMessageToAgency} submitLabel="Envoyer le message" pendingLabel="Envoi…">
      {(errors) => (
        <>
          <Field label="Objet" name="subject" required maxLength={200} error={errors.subject?.[0]} />
          <TextAreaField label="Message" name="body" rows={5} required maxLength={5000} error={errors.body?.[0]} />
        </>
      )}
    </ActionForm>
  );
}

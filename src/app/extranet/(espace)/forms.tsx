'use client';
import { useId } from 'react';
import { Field } from '@/ui/field';
import { ActionForm } from '../_components/action-form';
import { saveContactDetails, sendMessageToAgency } from './actions';

export function ContactDetailsForm({ email, phone }: { email: string | null; phone: string | null }) {
  return (
    <ActionForm action={saveContactDetails} submitLabel="Enregistrer mes coordonnées" pendingLabel="Enregistrement…">
      {(errors) => (
        <>
          <Field label="Adresse e-mail" name="email" type="email" autoComplete="email" defaultValue={email ?? ''} required error={errors.email?.[0]} />
          <Field label="Téléphone" name="phone" type="tel" autoComplete="tel" defaultValue={phone ?? ''} error={errors.phone?.[0]} />
        </>
      )}
    </ActionForm>
  );
}

export function ContactAgencyForm() {
  const id = useId();
  return (
    <ActionForm action={sendMessageToAgency} submitLabel="Envoyer le message" pendingLabel="Envoi…">
      {(errors) => (
        <>
          <Field label="Objet" name="subject" required maxLength={200} error={errors.subject?.[0]} />
          <div className="flex flex-col gap-1">
            <label htmlFor={id} className="text-sm font-medium text-slate-800">
              Message
            </label>
            <textarea
              id={id}
              name="body"
              rows={5}
              required
              maxLength={5000}
              aria-invalid={errors.body ? true : undefined}
              aria-describedby={errors.body ? `${id}-error` : undefined}
              className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-600"
            />
            {errors.body && (
              <p id={`${id}-error`} className="text-sm text-red-700">
                {errors.body[0]}
              </p>
            )}
          </div>
        </>
      )}
    </ActionForm>
  );
}

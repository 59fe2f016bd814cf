'use client';
import { useState } from 'react';
import { emailSyntaxError, suggestEmail, suggestionMessage } from '@/shared/email/check-email';
import { Field, TextAreaField } from '@/ui/field';
import { ExtranetForm } from '../_components/extranet-form';
import { PasswordInput } from '../_components/password-input';
import { saveContactDetails, sendMessageToAgency } from './actions';

export function ContactDetailsForm({
  email,
  phone,
  pending,
}: {
  email: string | null;
  phone: string | null;
  pending: { email: string; until: string } | null;
}) {
  // Controlled, so that a refusal (password missing or wrong) keeps what was typed: React resets the other fields.
  const [values, setValues] = useState({ email: email ?? '', phone: phone ?? '' });
  const edit = (key: 'email' | 'phone') => (event: React.ChangeEvent<HTMLInputElement>) =>
    setValues({ ...values, [key]: event.target.value });
  return (
    <ExtranetForm action={saveContactDetails} submitLabel="Enregistrer mes coordonnées" pendingLabel="Enregistrement…">
      {(errors) => (
        <>
          {pending && (
            <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              Nouvelle adresse en attente de confirmation : <strong>{pending.email}</strong>. Ouvrez le lien envoyé à
              cette adresse (valable jusqu’au {pending.until}) ; d’ici là, l’agence écrit à l’adresse ci-dessous.
            </p>
          )}
          <Field
            label="Adresse e-mail"
            name="email"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={edit('email')}
            required
            error={errors.email?.[0]}
          />
          <EmailCheck
            value={values.email}
            unchanged={values.email.trim().toLowerCase() === (email ?? '').toLowerCase()}
            onFix={(fixed) => setValues({ ...values, email: fixed })}
          />
          <PasswordInput
            label="Mot de passe actuel"
            name="current"
            autoComplete="current-password"
            hint="Demandé seulement pour changer d’adresse e-mail : un lien de confirmation partira à la nouvelle adresse."
            error={errors.current}
          />
          <Field
            label="Téléphone"
            name="phone"
            type="tel"
            autoComplete="tel"
            value={values.phone}
            onChange={edit('phone')}
            error={errors.phone?.[0]}
          />
        </>
      )}
    </ExtranetForm>
  );
}

/** The address check as it is typed (src/shared/email/check-email.ts): its form, or "Vouliez-vous dire … ?". */
function EmailCheck({ value, unchanged, onFix }: { value: string; unchanged: boolean; onFix: (v: string) => void }) {
  const typed = value.trim();
  const problem = unchanged || !typed.includes('@') || !/\.[a-z]{2,}$/i.test(typed) ? null : emailSyntaxError(typed);
  const suggestion = unchanged || problem ? null : suggestEmail(typed);
  return (
    <div aria-live="polite" className="-mt-2 text-sm text-amber-900">
      {problem && <p>{problem}</p>}
      {suggestion && (
        <p className="flex flex-wrap items-center gap-2">
          {suggestionMessage(suggestion)}
          <button
            type="button"
            className="rounded border border-amber-600 bg-white px-2 py-0.5 text-amber-950 hover:bg-amber-50"
            onClick={() => onFix(suggestion)}
          >
            Corriger en {suggestion}
          </button>
        </p>
      )}
    </div>
  );
}

export function ContactAgencyForm() {
  return (
    <ExtranetForm action={sendMessageToAgency} submitLabel="Envoyer le message" pendingLabel="Envoi…">
      {(errors) => (
        <>
          <Field label="Objet" name="subject" required maxLength={200} error={errors.subject?.[0]} />
          <TextAreaField label="Message" name="body" rows={5} required maxLength={5000} error={errors.body?.[0]} />
        </>
      )}
    </ExtranetForm>
  );
}

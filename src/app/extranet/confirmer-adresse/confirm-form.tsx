'use client';
import { ActionForm } from '../_components/action-form';
import { confirmNewEmail } from './actions';

export function ConfirmEmailForm({ jeton }: { jeton: string }) {
  return (
    <ActionForm action={confirmNewEmail} submitLabel="Confirmer cette adresse" pendingLabel="Confirmation…" wideSubmit>
      {() => <input type="hidden" name="jeton" value={jeton} />}
    </ActionForm>
  );
}

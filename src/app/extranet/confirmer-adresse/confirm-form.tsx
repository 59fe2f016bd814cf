'use client';
import { ExtranetForm } from '../_components/extranet-form';
import { confirmNewEmail } from './actions';

export function ConfirmEmailForm({ jeton }: { jeton: string }) {
  return (
    <ExtranetForm
      action={confirmNewEmail}
      submitLabel="Confirmer cette adresse"
      pendingLabel="Confirmation…"
      wideSubmit
    >
      {() => <input type="hidden" name="jeton" value={jeton} />}
    </ExtranetForm>
  );
}

'use client';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { DOCUMENT_CATEGORY_LABELS } from '@/shared/documents/labels';
import { ACCEPT_ATTRIBUTE } from '@/shared/documents/accept';
import { buttonClass, FormMessage, useActionForm } from '@/ui/action-form';
import { Field, SelectField } from '@/ui/field';
import { uploadDocument } from '../actions';

export function DocumentUploadForm({
  targetType,
  targetId,
}: {
  targetType: 'tiers' | 'property' | 'lease';
  targetId: string;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { state, pending, onSubmit, fieldError } = useActionForm(uploadDocument, () => {
    formRef.current?.reset();
    router.refresh();
  });
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 className="font-semibold">Ajouter un document</h3>
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Fichier"
          name="file"
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          hint="PDF, PNG ou JPEG, 10 Mo au maximum."
          error={fieldError('file')}
        />
        <SelectField
          label="Catégorie"
          name="category"
          defaultValue="AUTRE"
          error={fieldError('category')}
          options={Object.entries(DOCUMENT_CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Field
          label="Titre (facultatif)"
          name="title"
          hint="Par défaut, le nom du fichier."
          error={fieldError('title')}
        />
        <div className="flex items-center gap-2 self-end pb-2">
          <input
            id={`visible-${targetId}`}
            type="checkbox"
            name="visibleOnExtranet"
            defaultChecked
            className="h-4 w-4"
          />
          <label htmlFor={`visible-${targetId}`}>Visible sur l&apos;extranet</label>
        </div>
      </div>
      <FormMessage state={state} />
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? 'Envoi…' : 'Ajouter le document'}
        </button>
      </div>
    </form>
  );
}

'use client';
import { ActionForm, secondaryButtonClass } from '@/ui/action-form';
import { deleteDocument, setDocumentVisibility } from '../actions';

/** Per document: show it on the extranet or hide it, and delete it after a confirmation. */
export function DocumentControls({ id, title, visible }: { id: string; title: string; visible: boolean }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionForm action={setDocumentVisibility} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="visible" value={visible ? 'false' : 'true'} />
        <button
          type="submit"
          className={`${secondaryButtonClass} px-3 py-1 text-sm`}
          aria-label={`${visible ? "Masquer sur l'extranet" : "Afficher sur l'extranet"} : ${title}`}
        >
          {visible ? "Masquer sur l'extranet" : "Afficher sur l'extranet"}
        </button>
      </ActionForm>
      <details className="text-sm">
        <summary className="cursor-pointer rounded-md px-3 py-1 text-red-800 underline">Supprimer…</summary>
        <ActionForm action={deleteDocument} className="mt-2 flex flex-wrap items-center gap-2">
          <input type="hidden" name="id" value={id} />
          <span>Le fichier sera effacé, le journal gardera son nom.</span>
          <button
            type="submit"
            className="rounded-md bg-red-700 px-3 py-1 font-medium text-white hover:bg-red-800"
            aria-label={`Confirmer la suppression : ${title}`}
          >
            Confirmer la suppression
          </button>
        </ActionForm>
      </details>
    </div>
  );
}

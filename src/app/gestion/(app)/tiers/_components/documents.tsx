import type { DocumentCategory } from '@/generated/prisma/enums';
import { DOCUMENT_CATEGORY_LABELS, formatSize } from '@/shared/documents/labels';
import { DocumentControls } from './document-controls';
import { DocumentUploadForm } from './document-upload-form';
import { formatShortDateTime } from '@/shared/dates';

type DocumentRow = {
  id: string;
  title: string;
  category: DocumentCategory;
  fileName: string;
  sizeBytes: number;
  visibleOnExtranet: boolean;
  createdAt: Date;
};

/** The documents of a tiers, a bien or a bail, with their download links and (for those who may) the upload form. */
export function DocumentsSection({
  documents,
  target,
  canWrite,
  headingId,
}: {
  documents: DocumentRow[];
  target: { type: 'tiers' | 'property' | 'lease'; id: string };
  canWrite: boolean;
  headingId: string;
}) {
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-xl font-semibold">
        Documents
      </h2>
      {documents.length === 0 ? (
        <p className="text-slate-700">
          Aucun document pour l&apos;instant{canWrite ? ' : ajoutez-en un ci-dessous.' : '.'}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {documents.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <span>
                <a
                  href={`/gestion/tiers/documents/telecharger?id=${encodeURIComponent(d.id)}`}
                  className="text-brand-700 underline"
                >
                  {d.title}
                </a>{' '}
                <span className="text-slate-600">
                  ({DOCUMENT_CATEGORY_LABELS[d.category]}, {formatSize(d.sizeBytes)}, ajouté le{' '}
                  {formatShortDateTime(d.createdAt)})
                </span>
              </span>
              <span className={d.visibleOnExtranet ? 'text-green-800' : 'text-slate-600'}>
                {d.visibleOnExtranet ? "Visible sur l'extranet" : "Non visible sur l'extranet"}
              </span>
              {canWrite && <DocumentControls id={d.id} title={d.title} visible={d.visibleOnExtranet} />}
            </li>
          ))}
        </ul>
      )}
      {canWrite && <DocumentUploadForm targetType={target.type} targetId={target.id} />}
    </section>
  );
}

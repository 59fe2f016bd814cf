import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/server/auth/staff-session';
import { IMPORT_COLUMNS, IMPORT_KIND_LABELS } from '@/server/import/columns';
import { ImportForm } from './import-form';
import type { ImportKind } from '@/shared/import/report';

export const metadata: Metadata = { title: 'Importer un fichier' };

export default async function ImportPage() {
  await requireStaff('tiers:write');
  return (
    <section aria-labelledby="page-title" className="flex max-w-5xl flex-col gap-6">
      <Link href="/gestion/tiers" className="text-brand-700 underline">
        ← Tiers
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        Importer un fichier
      </h1>
      <div className="flex flex-col gap-2 text-slate-800">
        <p>
          Importez les tiers, puis les biens, puis les baux, exportés de votre logiciel de gestion : un fichier CSV par
          type, colonnes séparées par des points-virgules, en UTF-8 ou Windows-1252, dates au format JJ/MM/AAAA,
          montants comme 1 234,56. Une ligne dont la référence existe déjà met à jour la fiche au lieu d&apos;en créer
          une autre.
        </p>
        <p>
          Lancez d&apos;abord l&apos;essai : il indique ligne par ligne ce qui sera créé, mis à jour ou refusé.
          L&apos;import n&apos;écrit rien si une seule ligne est refusée.
        </p>
      </div>
      <section aria-labelledby="modeles" className="flex flex-col gap-2">
        <h2 id="modeles" className="text-lg font-semibold">
          Modèles de fichier
        </h2>
        <ul className="flex flex-col gap-1">
          {(Object.keys(IMPORT_COLUMNS) as ImportKind[]).map((kind) => (
            <li key={kind}>
              <a href={`/gestion/tiers/import/modele?type=${kind}`} download className="text-brand-700 underline">
                Télécharger le modèle ({IMPORT_KIND_LABELS[kind]})
              </a>{' '}
              <span className="text-sm text-slate-600">: {IMPORT_COLUMNS[kind].map(([h]) => h).join(' ; ')}</span>
            </li>
          ))}
        </ul>
      </section>
      <ImportForm />
    </section>
  );
}

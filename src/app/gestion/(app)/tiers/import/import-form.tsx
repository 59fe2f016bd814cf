'use client';
import { useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/shared/action-result';
import { tooLargeFile, TOO_LARGE_MESSAGE } from '@/shared/upload-limits';
import { buttonClass, FormMessage, secondaryButtonClass, UNREACHABLE } from '@/ui/action-form';
import { Field, SelectField } from '@/ui/field';
import { Table } from '@/ui/table';
import { dryRunImport, runImport } from './actions';
import type { ImportLine, ImportReport } from '@/shared/import/report';

const ACTION_LABELS: Record<ImportLine['action'], string> = {
  create: 'Création',
  update: 'Mise à jour',
  refuse: 'Refusée',
};
const SHOWN = 200;

/** Dry run, then the import itself with a progress bar fed by polling the import's job. */
export function ImportForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [pending, startTransition] = useTransition();
  const [interrupted, setInterrupted] = useState(false);

  const formData = () => new FormData(formRef.current!);

  const dryRun = () =>
    startTransition(async () => {
      setResult(null);
      setReport(null);
      setInterrupted(false);
      const data = formData();
      if (tooLargeFile(data)) return setResult({ ok: false, error: TOO_LARGE_MESSAGE });
      const r = await dryRunImport(data).catch(() => UNREACHABLE);
      setResult(r);
      if (r.ok && r.data) setReport(r.data);
    });

  const runIt = () =>
    startTransition(async () => {
      const jobId = crypto.randomUUID();
      const data = formData();
      data.set('jobId', jobId);
      setProgress({ done: 0, total: report?.total ?? 0 });
      let running = true;
      const poll = async () => {
        while (running) {
          await new Promise((resolve) => setTimeout(resolve, 700));
          const response = await fetch(`/gestion/tiers/import/progression?job=${jobId}`, { cache: 'no-store' }).catch(
            () => null,
          );
          if (running && response?.ok) {
            const job = (await response.json()) as { status: string; done: number; total: number };
            setProgress({ done: job.done, total: job.total });
            if (job.status === 'INTERRUPTED') {
              running = false;
              stopWaiting(
                `Import interrompu (le serveur qui le faisait s’est arrêté) après ${job.done} ligne${job.done > 1 ? 's' : ''} sur ${job.total} : rien n’a été importé, l’import étant tout ou rien. Cliquez sur « Relancer » pour refaire l’essai, puis importez.`,
              );
            }
          }
        }
      };
      let stopWaiting: (message: string) => void = () => {};
      const gone = new Promise<ActionResult<unknown>>((resolve) => {
        stopWaiting = (error) => resolve({ ok: false, error });
      });
      void poll();
      const r = await Promise.race([
        runImport(data).catch((): ActionResult<unknown> => ({
          ok: false,
          error:
            'Le serveur ne répond plus : l’import n’a peut-être pas abouti (il est tout ou rien). Rechargez la page dans un instant et relancez l’essai.',
        })),
        gone,
      ]);
      if (!r.ok) setInterrupted(true);
      running = false;
      setResult(r);
      setProgress(r.ok ? { done: report?.total ?? 1, total: report?.total ?? 1 } : null);
      if (r.ok) setReport(null);
    });

  const visible = report
    ? [
        ...report.lines.filter((l) => l.action === 'refuse'),
        ...report.lines.filter((l) => l.action !== 'refuse' && l.warnings?.length),
        ...report.lines.filter((l) => l.action !== 'refuse' && !l.warnings?.length),
      ].slice(0, SHOWN)
    : [];

  return (
    <div className="flex flex-col gap-4">
      <form
        ref={formRef}
        onSubmit={(e) => (e.preventDefault(), dryRun())}
        noValidate
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Type de fichier"
            name="kind"
            defaultValue="auto"
            onChange={() => setReport(null)}
            options={[
              { value: 'auto', label: 'Détection automatique (selon les colonnes)' },
              { value: 'tiers', label: 'Tiers (locataires et propriétaires)' },
              { value: 'biens', label: 'Biens' },
              { value: 'baux', label: 'Baux' },
            ]}
          />
          <Field
            label="Fichier CSV"
            name="file"
            type="file"
            accept=".csv,text/csv"
            hint="10 Mo au maximum."
            onChange={() => setReport(null)}
          />
        </div>
        <div className="flex gap-2">
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending && !progress ? 'Analyse…' : "Lancer l'essai"}
          </button>
          {interrupted && (
            <button type="button" onClick={dryRun} disabled={pending} className={secondaryButtonClass}>
              Relancer
            </button>
          )}
          {report && !interrupted && report.refused === 0 && (report.created > 0 || report.updated > 0) && (
            <button type="button" onClick={runIt} disabled={pending} className={secondaryButtonClass}>
              Importer
            </button>
          )}
        </div>
      </form>

      {progress && (
        <div className="flex flex-col gap-1">
          <label htmlFor="import-progress">Import en cours</label>
          <progress id="import-progress" max={progress.total || 1} value={progress.done} className="w-full">
            {progress.done} / {progress.total}
          </progress>
          <span className="text-sm text-slate-700">
            {progress.done} ligne{progress.done > 1 ? 's' : ''} sur {progress.total}
          </span>
        </div>
      )}

      <FormMessage state={result} />

      {report && (
        <section aria-labelledby="rapport" className="flex flex-col gap-3">
          <h2 id="rapport" className="text-lg font-semibold">
            Rapport de l&apos;essai
          </h2>
          <p>
            Fichier de {report.kind} en {report.encoding} : {report.total} ligne{report.total > 1 ? 's' : ''},{' '}
            {report.created} à créer, {report.updated} à mettre à jour, {report.refused} refusée
            {report.refused > 1 ? 's' : ''}.
            {!!report.warned &&
              ` ${report.warned} adresse${report.warned > 1 ? 's' : ''} e-mail à vérifier (faute de frappe probable ou déjà utilisée par un autre tiers) : elles seront importées telles quelles si vous ne corrigez pas le fichier.`}
            {report.refused > 0 &&
              ' Corrigez les lignes refusées dans le fichier, puis relancez l’essai : l’import est possible quand aucune ligne n’est refusée.'}
          </p>
          <Table
            caption="Résultat de l'essai, ligne par ligne"
            columns={['Ligne', 'Résultat', 'Référence', 'Désignation', 'Motif']}
          >
            {visible.map((l) => (
              <tr key={l.line} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">{l.line}</td>
                <td className={`px-3 py-2 font-medium ${l.action === 'refuse' ? 'text-red-800' : 'text-green-900'}`}>
                  {ACTION_LABELS[l.action]}
                </td>
                <td className="px-3 py-2">{l.reference ?? '—'}</td>
                <td className="px-3 py-2">{l.label}</td>
                <td className="px-3 py-2">
                  {l.errors.length === 0 && !l.warnings?.length ? (
                    '—'
                  ) : (
                    <ul>
                      {l.errors.map((e, i) => (
                        <li key={i}>{e.column ? `${e.column} : ${e.message}` : e.message}</li>
                      ))}
                      {l.warnings?.map((e, i) => (
                        <li key={`w${i}`} className="text-amber-900">
                          À vérifier – {e.column ? `${e.column} : ${e.message}` : e.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </Table>
          {report.total > visible.length && (
            <p className="text-sm text-slate-700">
              … et {report.total - visible.length} autres lignes non affichées
              {report.refused > visible.filter((l) => l.action === 'refuse').length &&
                ' (dont des lignes refusées : corrigez celles affichées, puis relancez l’essai pour voir les suivantes)'}
              .
            </p>
          )}
        </section>
      )}
    </div>
  );
}

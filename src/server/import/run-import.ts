import 'server-only';
import { randomUUID } from 'node:crypto';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { withCopy } from '@/server/db/copy-in';
import { UserError } from '@/server/errors';
import { planImport } from './plan-import';
import { startProgress } from './progress';
import { ImportFileError, openImportFile } from './validate-rows';
import { recordImportCompleted, writeImportBatch } from './write-import';
import { countLabel } from '@/shared/plural';
import type { ImportKind, ImportReport } from '@/shared/import/report';

// The import use cases, apart from the action wrapper so that the benchmark can run them as they are.

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type ImportInput = { kind: 'auto' | ImportKind; file: File };

async function readFile(input: ImportInput) {
  const { file } = input;
  if (!file.name && file.size === 0) throw new UserError('Choisissez le fichier CSV à importer.');
  if (file.size > MAX_IMPORT_BYTES)
    throw new UserError(
      'Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers puis importez-les l’un après l’autre.',
    );
  try {
    return openImportFile(new Uint8Array(await file.arrayBuffer()), input.kind === 'auto' ? null : input.kind);
  } catch (error) {
    if (error instanceof ImportFileError) throw new UserError(error.message);
    throw error;
  }
}

const NOUNS: Record<ImportKind, [string, string]> = {
  tiers: ['tiers', 'tiers'],
  biens: ['bien', 'biens'],
  baux: ['bail', 'baux'],
};

/** The dry run: the per-line report, nothing written. */
export async function dryRunImport(input: ImportInput): Promise<{ message: string; data: ImportReport }> {
  const file = await readFile(input);
  const report = await planImport(db, file);
  const message = `Essai terminé : ${countLabel(report.created, 'création', 'créations')}, ${countLabel(report.updated, 'mise à jour', 'mises à jour')}, ${countLabel(report.refused, 'ligne refusée', 'lignes refusées')}. Rien n'a encore été importé.`;
  return { message, data: report };
}

export class ImportRefusedError extends UserError {}

/**
 * The import itself: all or nothing, in one transaction that plans again against the data as it is now (it may
 * have changed since the dry run). `jobId` comes from the page so that it can poll the progress meanwhile.
 */
export async function runImport(audit: StaffAudit, input: ImportInput & { jobId?: string }) {
  const file = await readFile(input);
  const jobId = input.jobId ?? randomUUID();
  const progress = startProgress(jobId, audit.staffId, `import.${file.kind}`, file.total);
  try {
    await progress.created;
  } catch {
    throw new UserError('Cet import a déjà été lancé : rechargez la page pour en lancer un nouveau.');
  }
  try {
    // Creations are COPYed on the transaction's own connection (db/copy-in.ts, decision 047).
    const report = await withCopy((copy) =>
      db.$transaction(
        async (tx) => {
          // Batches are written as they are planned; once a line is refused nothing more is written, the rest is only
          // counted for the message, and the throw rolls everything back.
          let written = 0;
          const report = await planImport(tx, file, async (rows, soFar) => {
            if (soFar.refused) return;
            await writeImportBatch(tx, file.kind, rows, audit, copy());
            progress.report((written += rows.length));
          });
          if (report.refused) {
            throw new ImportRefusedError(
              `${countLabel(report.refused, 'ligne est refusée', 'lignes sont refusées')} : rien n'a été importé. Relancez l'essai pour voir le détail, corrigez le fichier, puis réimportez-le.`,
            );
          }
          await recordImportCompleted(tx, audit, report);
          return report;
        },
        { timeout: 10 * 60_000, maxWait: 60_000 },
      ),
    );
    await progress.finish('DONE', { created: report.created, updated: report.updated }, report.total);
    const [one, many] = NOUNS[file.kind];
    return {
      message: `Import terminé : ${countLabel(report.created, `${one} créé`, `${many} créés`)}, ${report.updated} mis à jour.`,
      data: { jobId, created: report.created, updated: report.updated },
    };
  } catch (error) {
    await progress.finish('FAILED', { error: error instanceof UserError ? error.message : 'Erreur inattendue' });
    throw error;
  }
}

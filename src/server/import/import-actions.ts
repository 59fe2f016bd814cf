import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import type { ImportKind } from './columns';
import { planImport, type ImportReport } from './plan-import';
import { startProgress } from './progress';
import { ImportFileError, readImportFile } from './validate-rows';
import { writeImport } from './write-import';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const ZImportInput = z.object({
  kind: z.enum(['auto', 'tiers', 'biens', 'baux'], 'Choisissez le type de fichier.').default('auto'),
  file: z.instanceof(File, { message: 'Choisissez le fichier CSV à importer.' }),
});

async function readFile(input: z.output<typeof ZImportInput>) {
  const { file } = input;
  if (!file.name && file.size === 0) throw new UserError('Choisissez le fichier CSV à importer.');
  if (file.size > MAX_IMPORT_BYTES) throw new UserError('Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers puis importez-les l’un après l’autre.');
  try {
    return readImportFile(new Uint8Array(await file.arrayBuffer()), input.kind === 'auto' ? null : (input.kind as ImportKind));
  } catch (error) {
    if (error instanceof ImportFileError) throw new UserError(error.message);
    throw error;
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** The dry run: the per-line report, nothing written. */
export const dryRunImportAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZImportInput,
  async run({ input }): Promise<{ message: string; data: ImportReport }> {
    const parsed = await readFile(input);
    const { report } = await planImport(db, parsed);
    const message = `Essai terminé : ${plural(report.created, 'création', 'créations')}, ${plural(report.updated, 'mise à jour', 'mises à jour')}, ${plural(report.refused, 'ligne refusée', 'lignes refusées')}. Rien n'a encore été importé.`;
    return { message, data: report };
  },
});

export class ImportRefusedError extends UserError {}

/**
 * The import itself: all or nothing, in one transaction that re-plans against the data as it is now. `jobId`
 * comes from the page so it can poll the progress while this action runs.
 */
export const runImportAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZImportInput.extend({ jobId: z.uuid().optional() }),
  async run({ input, actor, audit }): Promise<{ message: string; data: { jobId: string; created: number; updated: number } }> {
    const parsed = await readFile(input);
    const jobId = input.jobId ?? randomUUID();
    const progress = startProgress(jobId, actor.id, `import.${parsed.kind}`, parsed.rows.length);
    try {
      await progress.created;
    } catch {
      throw new UserError('Cet import a déjà été lancé : rechargez la page pour en lancer un nouveau.');
    }
    try {
      const report = await db.$transaction(
        async (tx) => {
          const plan = await planImport(tx, parsed);
          if (plan.report.refused) {
            // Also when the data changed since the dry run: the plan is made again, here, against the data as it is now.
            throw new ImportRefusedError(`${plural(plan.report.refused, 'ligne est refusée', 'lignes sont refusées')} : rien n'a été importé. Relancez l'essai pour voir le détail, corrigez le fichier, puis réimportez-le.`);
          }
          await writeImport(tx, plan, audit, progress.report);
          return plan.report;
        },
        { timeout: 10 * 60_000, maxWait: 60_000 },
      );
      await progress.finish('DONE', { created: report.created, updated: report.updated }, report.total);
      const what = parsed.kind === 'tiers' ? 'tiers' : parsed.kind === 'biens' ? 'biens' : 'baux';
      return {
        message: `Import terminé : ${report.created} ${what} créé${report.created > 1 ? 's' : ''}, ${report.updated} mis à jour.`,
        data: { jobId, created: report.created, updated: report.updated },
      };
    } catch (error) {
      await progress.finish('FAILED', { error: error instanceof UserError ? error.message : 'Erreur inattendue' });
      throw error;
    }
  },
});

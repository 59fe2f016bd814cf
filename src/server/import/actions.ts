import 'server-only';
import { z } from 'zod';
import { defineStaffAction } from '@/server/auth/staff-action';
import { dryRunImport, runImport } from './run-import';

const ZImportInput = z.object({
  kind: z.enum(['auto', 'tiers', 'biens', 'baux'], 'Choisissez le type de fichier.').default('auto'),
  file: z.instanceof(File, { message: 'Choisissez le fichier CSV à importer.' }),
});

export const dryRunImportAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZImportInput,
  run: ({ input }) => dryRunImport(input),
});

export const runImportAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZImportInput.extend({ jobId: z.uuid().optional() }),
  run: ({ input, audit }) => runImport(audit, input),
});

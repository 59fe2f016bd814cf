'use server';
import { staffAction } from '@/server/auth/staff-action';
import { dryRunImportAction, runImportAction } from '@/server/import/actions';

export const dryRunImport = staffAction(dryRunImportAction);
export const runImport = staffAction(runImportAction);

'use server';
import { staffAction } from '@/server/auth/staff-action';
import { uploadDocumentAction } from '@/server/documents/upload-document';
import { archiveTiersAction } from '@/server/tiers/archive-tiers';
import { createTiersAction, updateTiersAction } from '@/server/tiers/save-tiers';

export const createTiers = staffAction(createTiersAction);
export const updateTiers = staffAction(updateTiersAction);
export const archiveTiers = staffAction(archiveTiersAction);
export const uploadDocument = staffAction(uploadDocumentAction);

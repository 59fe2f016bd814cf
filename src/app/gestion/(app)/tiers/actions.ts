'use server';
import { revalidatePath } from 'next/cache';
import { staffAction } from '@/server/auth/staff-action';
import type { ActionResult } from '@/shared/action-result';
import { deleteDocumentAction, setDocumentVisibilityAction } from '@/server/documents/manage-document';
import { uploadDocumentAction } from '@/server/documents/upload-document';
import { archiveTiersAction } from '@/server/tiers/archive-tiers';
import { createTiersAction, updateTiersAction } from '@/server/tiers/save-tiers';

export const createTiers = staffAction(createTiersAction);
export const updateTiers = staffAction(updateTiersAction);
export const archiveTiers = staffAction(archiveTiersAction);
export const uploadDocument = staffAction(uploadDocumentAction);

// A document shows on a tiers, a bien or a bail page: after a change, those pages are drawn again.
const changingDocuments =
  <T>(run: (prev: unknown, form: FormData) => Promise<ActionResult<T>>) =>
  async (prev: unknown, form: FormData): Promise<ActionResult<T>> => {
    const result = await run(prev, form);
    if (result.ok) revalidatePath('/gestion', 'layout');
    return result;
  };
export const setDocumentVisibility = changingDocuments(staffAction(setDocumentVisibilityAction));
export const deleteDocument = changingDocuments(staffAction(deleteDocumentAction));

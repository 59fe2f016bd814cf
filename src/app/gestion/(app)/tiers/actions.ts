'use server';
import { revalidatePath } from 'next/cache';
import { staffAction } from '@/server/auth/staff-action';
import { deleteDocumentAction, setDocumentVisibilityAction, uploadDocumentAction } from '@/server/documents/actions';
import { archiveTiersAction, createTiersAction, updateTiersAction } from '@/server/tiers/actions';
import type { ActionResult } from '@/shared/action-result';

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

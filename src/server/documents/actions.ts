import 'server-only';
import { defineStaffAction } from '@/server/auth/staff-action';
import { deleteDocument } from './delete-document';
import { ZDocument, ZUploadDocument, ZVisibility } from './schemas';
import { setDocumentVisibility } from './set-document-visibility';
import { uploadDocument } from './upload-document';

// Documents attached to a tiers, a bien or a bail (tiers:write).

export const uploadDocumentAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZUploadDocument,
  async run({ input, audit }) {
    const { id, message } = await uploadDocument(audit, input);
    return { message, data: { id } };
  },
});

export const setDocumentVisibilityAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZVisibility,
  async run({ input, audit }) {
    return { message: await setDocumentVisibility(audit, input.id, input.visible) };
  },
});

export const deleteDocumentAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZDocument,
  async run({ input, audit }) {
    return { message: await deleteDocument(audit, input.id) };
  },
});

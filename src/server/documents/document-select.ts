/** What a document list shows (never the storage key). */
export const documentListSelect = {
  id: true,
  title: true,
  category: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  visibleOnExtranet: true,
  createdAt: true,
} as const;

import { z } from 'zod';
import { staffRoute } from '@/server/auth/staff-action';
import { staffDocumentResponse } from '@/server/documents/document-response';

// Staff download of any document, streamed from the document storage.
export const GET = staffRoute(
  { permission: 'tiers:read', query: z.object({ id: z.string().min(1).max(64) }) },
  ({ input }) => staffDocumentResponse(input.id),
);

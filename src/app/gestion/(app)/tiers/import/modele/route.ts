import { z } from 'zod';
import { staffRoute } from '@/server/auth/staff-action';
import { templateCsv } from '@/server/import/columns';

// The template file of each kind: the header row the import expects.
export const GET = staffRoute(
  { permission: 'tiers:read', query: z.object({ type: z.enum(['tiers', 'biens', 'baux']) }) },
  async ({ input }) =>
    new Response(templateCsv(input.type), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="modele-import-${input.type}.csv"`,
        'Cache-Control': 'no-store',
      },
    }),
);

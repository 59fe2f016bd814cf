import { z } from 'zod';
import { staffRoute } from '@/server/auth/staff-action';
import { getImportProgress } from '@/server/import/progress';

// Polled by the import page while its import runs.
export const GET = staffRoute({ permission: 'tiers:write', query: z.object({ job: z.uuid() }) }, async ({ input, actor }) => {
  const job = await getImportProgress(input.job, actor.id);
  return Response.json({ status: job.status, total: job.total, done: job.done }, { headers: { 'Cache-Control': 'no-store' } });
});

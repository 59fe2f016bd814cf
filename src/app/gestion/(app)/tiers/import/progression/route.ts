import { z } from 'zod';
import { staffRoute } from '@/server/auth/staff-action';
import { getImportProgress } from '@/server/import/progress';

// Polled by the import page while its import runs. The page may poll before the action has created the job:
// "not there yet" answers WAITING (the same for another person's job id, so nothing leaks).
export const GET = staffRoute(
  { permission: 'tiers:write', query: z.object({ job: z.uuid() }) },
  async ({ input, actor }) => {
    const job = await getImportProgress(input.job, actor.id);
    const body = job
      ? { status: job.status, total: job.total, done: job.done }
      : { status: 'WAITING', total: 0, done: 0 };
    return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
  },
);

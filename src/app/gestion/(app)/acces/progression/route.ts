import { z } from 'zod';
import { getCredentialsJob } from '@/server/access/credentials-job';
import { staffRoute } from '@/server/auth/staff-action';

// Polled by the page while a bulk envelope runs: GET /gestion/acces/progression?job=<id>.
export const GET = staffRoute(
  { permission: 'access:write', query: z.object({ job: z.string().min(1).max(64) }) },
  async ({ actor, input }) =>
    Response.json(await getCredentialsJob(actor.id, input.job), { headers: { 'Cache-Control': 'no-store' } }),
);

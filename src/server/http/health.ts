import 'server-only';
import { db } from '@/server/db';
import { pingDatabase } from '@/server/db/ping';
import { isDatabaseUnavailable, outageResponse } from './outage';

/** Up (200) or down (503, Retry-After) right now: one `SELECT 1`. Says nothing else. */
export async function healthResponse(): Promise<Response> {
  try {
    await pingDatabase(db);
    return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return outageResponse();
    throw error;
  }
}

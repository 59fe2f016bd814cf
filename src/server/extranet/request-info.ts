import 'server-only';
import { headers } from 'next/headers';
import { clientIp } from '@/server/http/client-ip';

/** The client address and browser of the current request, for the attempt log and the journal. */
export async function requestInfo(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get('user-agent') };
}

import 'server-only';

/** The client's address as told by the load balancer (first X-Forwarded-For hop), else X-Real-IP. */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || null;
}

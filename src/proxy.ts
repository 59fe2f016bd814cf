import { NextResponse, type NextRequest } from 'next/server';
import { MAX_REQUEST_BYTES, TOO_LARGE_MESSAGE } from '@/shared/upload-limits';

// Content-Security-Policy with a fresh nonce per request: Next puts it on its own scripts, and no other
// inline script can run. Authorization is NOT decided here: every page and action checks on the server.
// /api/ routes answer JSON or redirects, never a page: they skip the proxy, which keeps its cost off the sign-in.
export function proxy(request: NextRequest) {
  // Uploads and imports over the limit are refused from the Content-Length alone, before the body is read.
  if (request.method === 'POST' && Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BYTES)
    return new NextResponse(TOO_LARGE_MESSAGE, {
      status: 413,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' },
    });
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const dev = process.env.NODE_ENV !== 'production';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  // Read when the server runs, not at `next build`: a build made without an https APP_URL still sends HSTS under one.
  if (process.env.APP_URL?.startsWith('https://'))
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}

export const config = {
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico|logo.svg).*)' }],
};

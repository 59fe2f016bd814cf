// Issue 13, item 2: an upload or import over the limit gets a French 413 from the proxy, decided on Content-Length
// before a byte of the body is read (Next's own server-action limit answers in English after reading 12 MB).
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '@/shared/upload-limits';
import { proxy } from '@/proxy';

/** A request whose body counts how often it is read. */
function post(path: string, contentLength: number) {
  const reads = { count: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        reads.count++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    },
    { highWaterMark: 0 },
  );
  const request = new NextRequest(`http://localhost:3000${path}`, {
    method: 'POST',
    headers: { 'content-length': String(contentLength), 'content-type': 'multipart/form-data; boundary=x' },
    body,
    duplex: 'half',
  } as ConstructorParameters<typeof NextRequest>[1]);
  return { request, reads };
}

describe('a body over the limit', () => {
  it('a 50 MB import: 413 with a French sentence saying what to do, the body unread', async () => {
    const { request, reads } = post('/gestion/tiers/import', 50 * 1024 * 1024);
    const response = proxy(request);
    expect(response.status).toBe(413);
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toMatch(/^Le fichier dépasse 10 Mo : il n’a pas été envoyé\. .*réessayez\.$/);
    expect(reads.count).toBe(0);
  });

  it('a 13 MB document upload too; a body within the limit goes on', async () => {
    expect(proxy(post('/gestion/tiers/abc', 13 * 1024 * 1024).request).status).toBe(413);
    const ok = proxy(post('/gestion/tiers/abc', MAX_REQUEST_BYTES).request);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  });
});

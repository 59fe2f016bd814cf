import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { nextServerEnv, SERVER_HEAP_CAP } from '@/server/runtime/next-server-env';

describe('the next start environment', () => {
  it("sizes libuv's pool to the cores and caps the heap unless told otherwise, and keeps the rest", () => {
    expect(nextServerEnv({ NODE_ENV: 'production', PORT: '3000' })).toEqual({
      NODE_ENV: 'production',
      PORT: '3000',
      UV_THREADPOOL_SIZE: String(availableParallelism()),
      NODE_OPTIONS: '--max-old-space-size=1024',
    });
    expect(nextServerEnv({ NODE_ENV: 'production', UV_THREADPOOL_SIZE: '16' }).UV_THREADPOOL_SIZE).toBe('16');
  });

  it("adds the heap cap to the operator's NODE_OPTIONS, and keeps their own cap", () => {
    expect(nextServerEnv({ NODE_ENV: 'production', NODE_OPTIONS: '--enable-source-maps' }).NODE_OPTIONS).toBe(
      `--enable-source-maps ${SERVER_HEAP_CAP}`,
    );
    expect(nextServerEnv({ NODE_ENV: 'production', NODE_OPTIONS: '--max-old-space-size=4096' }).NODE_OPTIONS).toBe(
      '--max-old-space-size=4096',
    );
  });
});

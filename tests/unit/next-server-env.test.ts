import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { nextServerEnv } from '@/server/runtime/next-server-env';

describe('the next start environment', () => {
  it("sizes libuv's pool to the cores unless told otherwise, and keeps the rest", () => {
    expect(nextServerEnv({ NODE_ENV: 'production', PORT: '3000' })).toEqual({
      NODE_ENV: 'production',
      PORT: '3000',
      UV_THREADPOOL_SIZE: String(availableParallelism()),
    });
    expect(nextServerEnv({ NODE_ENV: 'production', UV_THREADPOOL_SIZE: '16' }).UV_THREADPOOL_SIZE).toBe('16');
  });
});

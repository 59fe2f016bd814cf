import 'server-only';

/**
 * Runs `work` over `items` with at most `concurrency` in flight, and hands the results to `sink` in batches as
 * they complete. Argon2 hashes run on libuv's thread pool, so several in flight keep every core busy while the
 * main thread renders mails and writes the previous batch.
 */
export async function boundedPipeline<T, R>(
  items: T[],
  options: { concurrency: number; batchSize: number },
  work: (item: T) => Promise<R>,
  sink: (batch: R[]) => Promise<void>,
): Promise<void> {
  const ready: R[] = [];
  let next = 0;
  let settled = 0;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;

  const worker = async () => {
    while (next < items.length && !failure) {
      const item = items[next++];
      try {
        ready.push(await work(item));
      } catch (error) {
        failure ??= { error };
      } finally {
        settled++;
        wake?.();
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, items.length)) }, worker);

  try {
    let written = 0;
    while (written < items.length) {
      if (failure) throw failure.error;
      const allSettled = settled === items.length;
      if (ready.length >= options.batchSize || (allSettled && ready.length)) {
        const batch = ready.splice(0, options.batchSize);
        await sink(batch);
        written += batch.length;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    failure ??= { error: new Error('pipeline stopped') };
    await Promise.allSettled(workers);
  }
}

import 'server-only';
import { db } from '@/server/db';

/** How often a running job says it is alive, and after how long without a word it counts as interrupted. */
export const HEARTBEAT_MS = 10_000;
export const INTERRUPTED_AFTER_MS = 45_000;

// Jobs this process is working on. On the embedded engine (one connection) a heartbeat queues behind the import's
// long transaction, so the process's own word counts too: a job running here is never shown as interrupted.
const here: Set<string> = ((globalThis as { __trousseauJobsHere?: Set<string> }).__trousseauJobsHere ??= new Set());

/**
 * Writes the job's heartbeat now and every HEARTBEAT_MS until the returned stop() (call it in a finally). A process
 * that dies stops writing it, which is how a job whose worker is gone is told apart from a slow one (decision 013).
 */
export function startHeartbeat(jobId: string): () => void {
  here.add(jobId);
  const beat = () =>
    db.bulkJob
      .updateMany({ where: { id: jobId, status: 'RUNNING' }, data: { heartbeatAt: new Date() } })
      .catch((error: unknown) => console.warn(`[job ${jobId}] heartbeat not written:`, (error as Error).message));
  void beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  timer.unref?.();
  return () => {
    clearInterval(timer);
    here.delete(jobId);
  };
}

/** A RUNNING job nobody is working on any more: no heartbeat for INTERRUPTED_AFTER_MS and not running here. */
export function isInterrupted(
  job: { id: string; status: string; heartbeatAt: Date | null; createdAt: Date },
  now = Date.now(),
): boolean {
  if (job.status !== 'RUNNING' || here.has(job.id)) return false;
  return now - (job.heartbeatAt ?? job.createdAt).getTime() > INTERRUPTED_AFTER_MS;
}

/** Where a job may be taken over ("Relancer"): still RUNNING and silent for INTERRUPTED_AFTER_MS. */
export function interruptedWhere(now = Date.now()) {
  const before = new Date(now - INTERRUPTED_AFTER_MS);
  return {
    status: 'RUNNING' as const,
    OR: [{ heartbeatAt: { lt: before } }, { heartbeatAt: null, createdAt: { lt: before } }],
  };
}

import 'server-only';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { CREDENTIALS_JOB_TYPE } from './generate-credentials';

/** A job still RUNNING after this long was cut short (the server restarted): it is shown as interrupted. */
const STALE_AFTER_MS = 60 * 60 * 1000;
/** Finished jobs stay on the page for a while, so someone who left and came back sees how it ended. */
const SHOW_FINISHED_FOR_MS = 30 * 60 * 1000;

export type JobProgress = {
  id: string;
  status: 'RUNNING' | 'DONE' | 'FAILED' | 'INTERRUPTED';
  total: number;
  done: number;
  failed: number;
  message: string | null;
  createdAt: string;
};

const select = {
  id: true,
  status: true,
  total: true,
  done: true,
  failed: true,
  result: true,
  createdAt: true,
} as const;

function toProgress(
  job: {
    id: string;
    status: 'RUNNING' | 'DONE' | 'FAILED';
    total: number;
    done: number;
    failed: number;
    result: unknown;
    createdAt: Date;
  },
  now: number,
): JobProgress {
  const stale = job.status === 'RUNNING' && now - job.createdAt.getTime() > STALE_AFTER_MS;
  const message =
    (job.result as { message?: string } | null)?.message ??
    (stale
      ? 'La génération a été interrompue (redémarrage du serveur) : relancez l’enveloppe pour les personnes restantes.'
      : null);
  return {
    id: job.id,
    status: stale ? 'INTERRUPTED' : job.status,
    total: job.total,
    done: job.done,
    failed: job.failed,
    message,
    createdAt: job.createdAt.toISOString(),
  };
}

/** One job of the staff member who started it; anyone else's answers 404. */
export async function getCredentialsJob(staffId: string, jobId: string): Promise<JobProgress> {
  const job = await db.bulkJob.findFirst({
    where: { id: jobId, createdById: staffId, type: CREDENTIALS_JOB_TYPE },
    select,
  });
  if (!job) throw new NotFoundError('job');
  return toProgress(job, Date.now());
}

/** The staff member's running and recently finished credential jobs, newest first: how a job is found again. */
export async function listRecentCredentialsJobs(staffId: string): Promise<JobProgress[]> {
  const now = Date.now();
  const jobs = await db.bulkJob.findMany({
    where: {
      createdById: staffId,
      type: CREDENTIALS_JOB_TYPE,
      OR: [{ status: 'RUNNING' }, { finishedAt: { gte: new Date(now - SHOW_FINISHED_FOR_MS) } }],
    },
    orderBy: { createdAt: 'desc' },
    take: 3,
    select,
  });
  return jobs.map((job) => toProgress(job, now));
}

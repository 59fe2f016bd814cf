import 'server-only';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { isInterrupted } from '@/server/jobs/heartbeat';
import type { JobProgress } from '@/shared/access/job-progress';
import { CREDENTIALS_JOB_TYPE } from './generate-credentials';

/** Finished jobs stay on the page for a while, so someone who left and came back sees how it ended. */
const SHOW_FINISHED_FOR_MS = 30 * 60 * 1000;

const select = {
  id: true,
  status: true,
  total: true,
  done: true,
  failed: true,
  result: true,
  createdAt: true,
  heartbeatAt: true,
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
    heartbeatAt: Date | null;
  },
  now: number,
): JobProgress {
  const interrupted = isInterrupted(job, now);
  const message = interrupted
    ? `La génération a été interrompue (le serveur qui la faisait s’est arrêté) après ${job.done + job.failed} sur ${job.total} : les mails déjà générés sont dans le Centre d’envoi ; cliquez sur « Relancer » pour les personnes restantes.`
    : ((job.result as { message?: string } | null)?.message ?? null);
  return {
    id: job.id,
    status: interrupted ? 'INTERRUPTED' : job.status,
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

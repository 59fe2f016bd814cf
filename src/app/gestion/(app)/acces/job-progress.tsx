'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import type { JobProgress } from '@/shared/access/job-progress';
import { resumeCredentialsJob } from './actions';

const POLL_MS = 1000;

/** A bulk envelope's progress, polled from the server while it runs; the rows are refreshed when it ends. */
export function JobProgressBar({ initial }: { initial: JobProgress }) {
  const router = useRouter();
  const [job, setJob] = useState(initial);
  const running = job.status === 'RUNNING';
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const relaunch = () =>
    !pending &&
    startTransition(async () => {
      setError(null);
      const result = await resumeCredentialsJob({ jobId: job.id });
      if (result.ok) setJob({ ...job, status: 'RUNNING', message: result.message ?? null });
      else setError(result.error);
    });

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/gestion/acces/progression?job=${encodeURIComponent(job.id)}`, {
        cache: 'no-store',
      }).catch(() => null);
      if (stopped || !response?.ok) return;
      const next = (await response.json()) as JobProgress;
      setJob(next);
      if (next.status !== 'RUNNING') router.refresh();
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [running, job.id, router]);

  const label = `Génération des identifiants : ${job.done + job.failed} sur ${job.total}`;
  return (
    <div className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm">
      {running ? (
        // The bar only while it runs: a finished job leaves its summary, not a full bar (issue 14).
        <label className="flex flex-col gap-1">
          <span>{label}</span>
          <progress value={job.done + job.failed} max={job.total} className="w-full" />
        </label>
      ) : (
        <p className="font-medium">
          {job.status === 'INTERRUPTED' && <strong>Interrompue. </strong>}
          {job.message ?? (job.status === 'DONE' ? 'Génération terminée.' : 'La génération a échoué.')}{' '}
          {job.status === 'DONE' && (
            <Link href="/gestion/centre-envoi?statut=PENDING_REVIEW" className="underline">
              Voir dans le centre d&apos;envoi
            </Link>
          )}
        </p>
      )}
      {job.status === 'INTERRUPTED' && (
        <button
          type="button"
          onClick={relaunch}
          aria-disabled={pending || undefined}
          className="mt-2 rounded-md bg-brand-600 px-3 py-1 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-50"
        >
          Relancer
        </button>
      )}
      {error && <p className="mt-2 text-red-800">{error}</p>}
    </div>
  );
}

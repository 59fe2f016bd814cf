'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';

const clock = (seconds: number) =>
  seconds >= 3600
    ? `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`
    : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * After a slow-down or a lock: the time left, counted down live (shown, not read out every second), a sentence
 * announced once the wait is over, and the ways forward — a new password, or the agency's phone.
 */
export function RetryCountdown({ until, phone }: { until: string; phone: string | null }) {
  const end = new Date(until).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((end - now) / 1000));
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      {left > 0 ? (
        <p>
          Vous pourrez réessayer dans <span className="font-mono font-semibold">{clock(left)}</span>.
        </p>
      ) : null}
      <p role="status">{left === 0 ? 'Vous pouvez réessayer maintenant.' : ''}</p>
      <p>
        Mot de passe oublié ?{' '}
        <Link href="/extranet/mot-de-passe-oublie" className="font-medium underline">
          Choisissez-en un nouveau
        </Link>{' '}
        : le lien arrive par e-mail.
        {phone && (
          <>
            {' '}
            Besoin d&apos;aide ? Appelez l&apos;agence au{' '}
            <a href={`tel:${phone.replace(/[^+0-9]/g, '')}`} className="font-medium underline">
              {phone}
            </a>
            .
          </>
        )}
      </p>
    </div>
  );
}

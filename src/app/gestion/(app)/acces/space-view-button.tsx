'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { openSpaceView } from './actions';

/**
 * "Voir son espace": opens the person's extranet read-only for 15 minutes (docs/decisions/026). The server journals
 * the opening and answers with the grant that the view's pages check.
 */
export function SpaceViewButton({ tiersId, className }: { tiersId: string; className?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        disabled={pending}
        className={
          className ??
          'rounded-md border border-slate-500 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60'
        }
        onClick={() =>
          startTransition(async () => {
            const result = await openSpaceView({ tiersId });
            if (result.ok && result.data) router.push(`/gestion/espace/${result.data.grantId}`);
            else setError(result.ok ? 'Ouverture impossible : rechargez la page.' : result.error);
          })
        }
      >
        {pending ? 'Ouverture…' : 'Voir son espace'}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      )}
    </span>
  );
}

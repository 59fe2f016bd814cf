'use client';
import { useRouter } from 'next/navigation';
import { FormMessage, secondaryButtonClass, useActionForm } from '@/ui/action-form';
import { archiveTiers } from '../actions';

export function ArchiveButton({ id, archived }: { id: string; archived: boolean }) {
  const router = useRouter();
  const { state, pending, onSubmit } = useActionForm(archiveTiers, () => router.refresh());
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-start gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? 'false' : 'true'} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {archived ? 'Désarchiver' : 'Archiver'}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

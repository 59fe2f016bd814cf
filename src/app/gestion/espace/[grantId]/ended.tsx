import Link from 'next/link';

/** The view after its 15 minutes: what happened and what to do. */
export function ViewEnded({ message }: { message: string }) {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-semibold">Consultation terminée</h1>
      <p role="alert">{message}</p>
      <Link href="/gestion/acces" className="text-brand-700 underline">
        Retour à Gestion des accès
      </Link>
    </div>
  );
}

import { MySpace } from '@/app/extranet/_components/my-space';
import { ViewEnded } from './ended';
import { loadSpaceView, staffDocumentHref, viewBase } from './load';

// "Voir son espace" (docs/decisions/026): the person's "Mon espace", rendered by the extranet's own component, read-only.
export default async function SpaceViewPage({ params }: { params: Promise<{ grantId: string }> }) {
  const { grantId } = await params;
  const { view, ended } = await loadSpaceView(grantId);
  if (!view) return <ViewEnded message={ended} />;
  return (
    <div className="flex flex-col gap-4">
      {view.accountStatus !== 'ENROLLED' && (
        <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm">
          Cette personne n&apos;a pas d&apos;accès actif à l&apos;extranet : voici l&apos;espace qu&apos;elle verra une
          fois inscrite et connectée.
        </p>
      )}
      <MySpace who={view} readOnly base={viewBase(grantId)} documentHref={staffDocumentHref} />
    </div>
  );
}

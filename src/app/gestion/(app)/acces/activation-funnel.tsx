import { getActivationFunnel } from '@/server/access/get-activation-funnel';

const numbers = new Intl.NumberFormat('fr-FR');
const percent = (part: number, whole: number) => (whole ? ` (${Math.round((100 * part) / whole)} %)` : '');

/**
 * The activation funnel (docs/decisions/027): of the people whose credentials were sent (mail delivered or letter
 * printed) for their current enrolment, how many activated, never did, let them expire, or never received them.
 * Fetches its own figures, so a page places it with one line.
 */
export async function ActivationFunnel({ compact = false }: { compact?: boolean }) {
  const f = await getActivationFunnel();
  const items: { label: string; value: number; hint: string; alert?: boolean }[] = [
    { label: 'Identifiants envoyés', value: f.sent, hint: 'mail envoyé ou lettre imprimée' },
    { label: 'Activés', value: f.activated, hint: `connectés depuis${percent(f.activated, f.sent)}` },
    {
      label: 'Jamais activés',
      value: f.neverActivated,
      hint: 'à relancer : cochez-les puis « Relancer »',
      alert: f.neverActivated > 0,
    },
    {
      label: 'Expirés sans usage',
      value: f.expiredUnused,
      hint: '« Relancer » leur génère de nouveaux identifiants',
      alert: f.expiredUnused > 0,
    },
    { label: 'Non remis', value: f.bounced, hint: 'dernier mail en échec : vérifiez l’adresse', alert: f.bounced > 0 },
  ];
  return (
    <section aria-labelledby="funnel-title" className="flex flex-col gap-2">
      <h2 id="funnel-title" className={compact ? 'text-lg font-semibold' : 'text-base font-semibold'}>
        Activation des accès
      </h2>
      <dl className="grid gap-2 sm:grid-cols-3 lg:grid-cols-5">
        {items.map((item) => (
          <div
            key={item.label}
            className={`rounded-lg border bg-white p-3 ${item.alert ? 'border-amber-400' : 'border-slate-200'}`}
          >
            <dt className="text-sm text-slate-600">{item.label}</dt>
            <dd className="text-xl font-semibold">
              {numbers.format(item.value)}
              {item.alert && <span className="sr-only"> (à traiter)</span>}
            </dd>
            {!compact && <dd className="text-xs text-slate-600">{item.hint}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}

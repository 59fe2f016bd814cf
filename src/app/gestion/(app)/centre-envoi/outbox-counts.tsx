import Link from 'next/link';
import type { MailStatus } from '@/generated/prisma/enums';

const SHOWN: { status: MailStatus; one: string; many: string; style: string }[] = [
  { status: 'PENDING_REVIEW', one: 'à vérifier', many: 'à vérifier', style: 'bg-amber-100 text-amber-900' },
  { status: 'SENDING', one: "en cours d'envoi", many: "en cours d'envoi", style: 'bg-sky-100 text-sky-900' },
  { status: 'FAILED', one: 'en échec', many: 'en échec', style: 'bg-red-100 text-red-900' },
  { status: 'TO_PRINT', one: 'lettre à imprimer', many: 'lettres à imprimer', style: 'bg-amber-100 text-amber-900' },
];

/** Under "Centre d'envoi" in the menu: what waits for staff, each count a link to that filter. */
export function OutboxCounts({ counts }: { counts: Partial<Record<MailStatus, number>> }) {
  const shown = SHOWN.filter((s) => counts[s.status]);
  if (!shown.length) return null;
  return (
    <ul aria-label="Mails en attente" className="mb-1 ml-3 flex flex-wrap gap-1 text-xs">
      {shown.map((s) => (
        <li key={s.status}>
          <Link
            href={`/gestion/centre-envoi?statut=${s.status}`}
            className={`inline-block rounded px-1.5 py-0.5 ${s.style}`}
          >
            {counts[s.status]} {counts[s.status]! > 1 ? s.many : s.one}
          </Link>
        </li>
      ))}
    </ul>
  );
}

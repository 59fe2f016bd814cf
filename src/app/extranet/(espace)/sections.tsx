import Link from 'next/link';
import type { MyDocument } from '@/server/extranet/my-documents';
import { DOCUMENT_CATEGORY_LABELS, formatSize } from '@/shared/documents/labels';
import type { MyLease, MyProperty } from '@/server/extranet/my-space';
import { formatCalendarDay, formatLongDateTime } from '@/shared/dates';
import { formatCents } from '../_components/format';

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      id={id}
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <h2 id={`${id}-title`} className="mb-3 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Facts({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="mb-2 font-medium sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type Agency = { name: string; email: string | null; phone: string | null; address: string | null };

export function HomeFacts({ lease, agency }: { lease: MyLease | undefined; agency: Agency }) {
  return (
    <div className="flex flex-col gap-4">
      {lease ? (
        <Facts
          items={[
            ['Adresse', `${lease.property.addressLine}, ${lease.property.postalCode} ${lease.property.city}`],
            ['Lot', lease.property.unitLabel ?? 'Non précisé'],
            ...(lease.property.surfaceM2
              ? ([['Surface', `${lease.property.surfaceM2.replace('.', ',')} m²`]] as [string, string][])
              : []),
          ]}
        />
      ) : (
        <p>Aucun logement en cours de location à votre nom. Si c&apos;est une erreur, contactez l&apos;agence.</p>
      )}
      <div>
        <h3 className="mb-1 font-semibold">Votre agence</h3>
        <p>{agency.name}</p>
        {agency.address && <p>{agency.address}</p>}
        {agency.phone && (
          <p>
            Téléphone :{' '}
            <a href={`tel:${agency.phone.replace(/\s/g, '')}`} className="text-brand-700 underline">
              {agency.phone}
            </a>
          </p>
        )}
        {agency.email && (
          <p>
            E-mail :{' '}
            <a href={`mailto:${agency.email}`} className="text-brand-700 underline">
              {agency.email}
            </a>
          </p>
        )}
      </div>
    </div>
  );
}

/** On Mon espace the card sits under an h2; alone on its page, under the h1 (headings never skip a level). */
type Level = { headingLevel?: 2 | 3 };

/** `base`: where the card links to (the extranet, or staff's read-only view of it: docs/decisions/026). */
export function LeaseCard({ lease, base = '/extranet', headingLevel = 3 }: { lease: MyLease; base?: string } & Level) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="rounded-md border border-slate-200 p-3">
      <Heading className="mb-2 font-semibold">
        <Link href={`${base}/baux/${lease.id}`} className="text-brand-700 underline hover:no-underline">
          Bail du {lease.property.addressLine}, {lease.property.city}
        </Link>{' '}
        {lease.ended ? (
          <span className="ml-1 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">Bail terminé</span>
        ) : (
          <span className="ml-1 rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">En cours</span>
        )}
      </Heading>
      <Facts
        items={[
          ['Début', formatCalendarDay(lease.startDate)],
          [
            'Fin',
            lease.endDate
              ? `${formatCalendarDay(lease.endDate)}${lease.ended ? ' (terminé)' : ''}`
              : 'Sans date de fin',
          ],
          ['Loyer mensuel', formatCents(lease.rentCents)],
          ['Charges mensuelles', formatCents(lease.chargesCents)],
          ['Dépôt de garantie', formatCents(lease.depositCents)],
          ['Colocataires', lease.coTenants.length ? lease.coTenants.join(', ') : 'Aucun'],
        ]}
      />
    </article>
  );
}

export function PropertyCard({
  property,
  base = '/extranet',
  headingLevel = 3,
}: { property: MyProperty; base?: string } & Level) {
  const lease = property.currentLease;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="rounded-md border border-slate-200 p-3">
      <Heading className="mb-2 font-semibold">
        <Link href={`${base}/biens/${property.id}`} className="text-brand-700 underline hover:no-underline">
          {property.addressLine}, {property.postalCode} {property.city}
        </Link>
      </Heading>
      <Facts
        items={[
          ['Lot', property.unitLabel ?? 'Non précisé'],
          ['Locataire', lease ? lease.tenants.join(', ') : 'Vacant (aucun bail en cours)'],
          ...(lease
            ? ([
                ['Bail depuis le', formatCalendarDay(lease.startDate)],
                ['Loyer mensuel', `${formatCents(lease.rentCents)} + ${formatCents(lease.chargesCents)} de charges`],
              ] as [string, string][])
            : []),
        ]}
      />
    </article>
  );
}

export function DocumentList({
  documents,
  documentHref = (id) => `/extranet/documents/${id}`,
}: {
  documents: MyDocument[];
  documentHref?: (id: string) => string;
}) {
  if (!documents.length)
    return (
      <p>Aucun document pour le moment. L&apos;agence les déposera ici (quittances, avis d&apos;échéance, bail…).</p>
    );
  return (
    <ul className="divide-y divide-slate-200">
      {documents.map((d) => (
        <li key={d.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <p className="font-medium">{d.title}</p>
            <p className="text-sm text-slate-600">
              {DOCUMENT_CATEGORY_LABELS[d.category]} · {formatLongDateTime(d.createdAt)} · {formatSize(d.sizeBytes)}
            </p>
          </div>
          <a
            href={documentHref(d.id)}
            download
            className="self-start rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 sm:self-auto"
          >
            Télécharger<span className="sr-only"> {d.title}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

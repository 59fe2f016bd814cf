import Link from 'next/link';

/** Links to the previous and next pages of a list split into numbered pages; nothing when it fits on one page. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center gap-3">
      {page > 1 && (
        <Link href={href(page - 1)} className="underline">
          Page précédente
        </Link>
      )}
      <span>
        Page {page} sur {pages}
      </span>
      {page < pages && (
        <Link href={href(page + 1)} className="underline">
          Page suivante
        </Link>
      )}
    </nav>
  );
}

/** "Afficher 50 · 100 · 200 par page": links, the current size marked (aria-current) and not a link. */
export function PageSizeLinks({
  size,
  sizes,
  href,
}: {
  size: number;
  sizes: readonly number[];
  href: (size: number) => string;
}) {
  return (
    <nav aria-label="Nombre de lignes par page" className="flex items-center gap-2 text-sm">
      <span>Par page :</span>
      <ul className="flex gap-1">
        {sizes.map((n) => (
          <li key={n}>
            {n === size ? (
              <span aria-current="true" className="inline-block rounded-md bg-slate-800 px-3 py-1.5 text-white">
                {n}
              </span>
            ) : (
              <Link
                href={href(n)}
                className="inline-block rounded-md border border-slate-400 px-3 py-1.5 hover:bg-slate-50"
              >
                {n}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

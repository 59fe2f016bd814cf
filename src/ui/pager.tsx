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

'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A navigation link that marks the current page (aria-current) and its section. */
export function NavLink({
  href,
  children,
  exact = false,
}: {
  href: string;
  children: React.ReactNode;
  exact?: boolean;
}) {
  const pathname = usePathname();
  const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className="block rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700"
    >
      {children}
    </Link>
  );
}

/** "Communication" as a native disclosure, open while one of its pages is shown. */
export function NavGroup({
  label,
  prefixes,
  badge,
  children,
}: {
  label: string;
  prefixes: string[];
  badge?: string;
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  const active = prefixes.some((p) => pathname.startsWith(p));
  return (
    <details open={active || undefined} className="group">
      <summary className="flex cursor-pointer list-none items-center justify-between rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100">
        <span>
          {label}
          {badge && (
            <span className="ml-2 rounded-full bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 group-open:hidden">
              {badge}
            </span>
          )}
        </span>
        <span aria-hidden="true" className="text-xs transition-transform group-open:rotate-90">
          ▶
        </span>
      </summary>
      <ul className="ml-3 border-l border-slate-200 pl-2">{children}</ul>
    </details>
  );
}

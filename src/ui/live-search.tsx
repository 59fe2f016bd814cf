'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';

/** How long typing pauses before the list follows: a search per word, not per key. */
const DEBOUNCE_MS = 300;

type LiveSearchProps = {
  id: string;
  label?: string;
  hint?: string;
  className: string;
  defaultValue?: string;
  placeholder?: string;
};

/**
 * The "Rechercher" box of a filter form (parameter q) that searches as people type: after a pause, the page's URL
 * becomes the form's query (cursors and page number dropped, as a new search starts at the top) with
 * router.replace, so the list follows, the address can be bookmarked and Back leaves the list. Enter still submits.
 */
export function LiveSearch({ id, label = 'Rechercher', hint, className, ...rest }: LiveSearchProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Enter or the form's button navigates on its own: a search still waiting must not replace that entry.
    const form = input.current?.form;
    const cancel = () => clearTimeout(timer.current);
    form?.addEventListener('submit', cancel);
    return () => {
      cancel();
      form?.removeEventListener('submit', cancel);
    };
  }, []);

  function follow(form: HTMLFormElement) {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form))
      if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
    const search = params.toString();
    const url = `${pathname}${search ? `?${search}` : ''}`;
    if (url !== `${pathname}${window.location.search}`) startTransition(() => router.replace(url, { scroll: false }));
  }

  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        name="q"
        type="search"
        autoComplete="off"
        aria-describedby={hint ? `${id}-aide` : undefined}
        aria-busy={pending}
        className="rounded-md border border-slate-400 bg-white px-3 py-2"
        onChange={(event) => {
          const form = event.currentTarget.form;
          clearTimeout(timer.current);
          if (form) timer.current = setTimeout(() => follow(form), DEBOUNCE_MS);
        }}
        {...rest}
      />
      {hint && (
        <p id={`${id}-aide`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

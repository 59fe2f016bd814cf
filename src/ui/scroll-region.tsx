'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * A wide table's own scroll area: on a narrow screen it scrolls sideways inside itself, not the whole page. While it
 * overflows it is a named, focusable region, so the keyboard can scroll it (WCAG 2.1.1; axe
 * scrollable-region-focusable); when everything fits it adds no tab stop.
 */
export function ScrollRegion({
  label,
  className = '',
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      {...(overflows && { role: 'region', 'aria-label': label, tabIndex: 0 })}
      className={`relative overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600 ${className}`}
    >
      {children}
    </div>
  );
}

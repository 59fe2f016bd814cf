'use client';
import { ErrorPage } from '@/ui/error-pages';

// Errors of a page: shown inside the layout, its navigation still there.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPage side="gestion" error={error} reset={reset} />;
}

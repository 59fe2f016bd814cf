'use client';
import { ErrorPage } from '@/ui/error-pages';

// Errors of this side, its layout included (sign-in pages, session checks).
export default function SideError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPage side="extranet" error={error} reset={reset} />;
}

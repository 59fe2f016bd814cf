'use client';
import { ErrorPage } from '@/ui/error-pages';
import './globals.css';

// An error in the root layout itself: this replaces the whole document, so it brings its own <html>.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ErrorPage side={null} error={error} reset={reset} />
      </body>
    </html>
  );
}

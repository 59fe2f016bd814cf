'use client';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** At the end of the 15 minutes, asks the server again, which then shows that the view has ended. */
export function ViewTimer({ expiresAt }: { expiresAt: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setTimeout(() => router.refresh(), Math.max(0, new Date(expiresAt).getTime() - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [expiresAt, router]);
  return null;
}

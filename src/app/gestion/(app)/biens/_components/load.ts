import 'server-only';
import { notFound } from 'next/navigation';
import { NotFoundError } from '@/server/errors';

/** A record for a page: "introuvable" becomes the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

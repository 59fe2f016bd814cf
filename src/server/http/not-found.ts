import 'server-only';
import { notFound } from 'next/navigation';
import { NotFoundError } from '@/server/errors';

/**
 * A record for a page or a route: "introuvable" (someone else's, or gone) becomes the 404 page, anything else is
 * thrown on. The one way a page turns NotFoundError into a 404.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

import 'server-only';
import type { Tx } from './index';

/** One `SELECT 1`: throws when the database cannot answer. */
export async function pingDatabase(db: Tx): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

import 'server-only';
import { db } from '@/server/db';

/** The agency's phone from Paramètres, offered where a visitor is stuck (a locked sign-in). */
export async function agencyPhone(): Promise<string | null> {
  const settings = await db.agencySettings.findUnique({ where: { id: 1 }, select: { agencyPhone: true } });
  return settings?.agencyPhone ?? null;
}

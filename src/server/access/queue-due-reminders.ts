import 'server-only';
import { db } from '@/server/db';
import { displayName, tiersNameSelect } from '@/shared/tiers/names';
import { lockDueReminders } from './access.sql';
import { enqueueReminders } from './remind-accounts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The automatic reminder (docs/decisions/027), run by the background worker: when an ADMIN set "N jours avant
 * l'expiration", each enrolled person who was sent credentials, never signed in, has an e-mail address, and whose
 * temporary password (or activation link) expires within N days gets one reminder for those credentials, "À vérifier"
 * or sent directly as the setting says. Idempotent: a reminder already written for the account's current credential
 * version (whatever became of it) is never written again; the account rows are locked (SKIP LOCKED) so that two
 * workers never write the same one. Returns how many were queued.
 */
export async function queueDueReminders(now = new Date()): Promise<number> {
  const settings = await db.agencySettings.findUnique({
    where: { id: 1 },
    select: { reminderDaysBeforeExpiry: true, reminderReview: true },
  });
  const days = settings?.reminderDaysBeforeExpiry;
  if (!days) return 0;
  const until = new Date(now.getTime() + days * DAY_MS);
  return db.$transaction(
    async (tx) => {
      const due = await lockDueReminders(tx, now, until);
      if (!due.length) return 0;
      const expiry = new Map(due.map((d) => [d.id, d.expiresAt]));
      const accounts = await tx.extranetAccount.findMany({
        where: { id: { in: due.map((d) => d.id) } },
        select: {
          id: true,
          login: true,
          credentialVersion: true,
          tiers: {
            select: {
              id: true,
              kind: true,
              ...tiersNameSelect,
              email: true,
            },
          },
        },
      });
      await enqueueReminders(
        tx,
        { type: 'SYSTEM' },
        accounts.map(({ tiers, ...a }) => ({
          ...tiers,
          tiersId: tiers.id,
          accountId: a.id,
          login: a.login,
          name: displayName(tiers),
          credentialVersion: a.credentialVersion,
          expiresAt: expiry.get(a.id)!,
        })),
        settings.reminderReview,
      );
      return accounts.length;
    },
    { timeout: 60_000 },
  );
}

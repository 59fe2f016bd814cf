import 'server-only';
import { recordEvent, type Actor } from '@/server/journal/record-event';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { revokeAccountsSessions } from '@/server/session/sessions';
import { revokeAccountTokens } from './verification-token';
import { withdrawUnsentMails } from '@/server/outbox/withdraw-unsent-mails';
import { CREDENTIAL_MAIL_TYPES } from '@/server/outbox/mail-kinds';
import { loadSelection, nameList, SELECTION_CHANGED } from './selection';
import { countLabel } from '@/shared/plural';

export type UnenrollResult = { unenrolled: number; skipped: number; message: string };

/**
 * Désinscrire, in one transaction: the account is disabled, its password hash and pending tokens deleted, every
 * session revoked (credential version bumped and session rows closed), the secret of every unsent mail carrying one
 * (credentials, reset or e-mail-change link) wiped, whatever its status, and those mails cancelled, each journaled, and
 * one journal event per person. People not enrolled are left as they are.
 */
export async function unenrollAccounts(actor: Actor, tiersIds: string[]): Promise<UnenrollResult> {
  return db.$transaction(
    async (tx) => {
      const people = await loadSelection(tx, tiersIds);
      const targets = people.filter((p) => p.account?.status === 'ENROLLED');
      const skipped = people.filter((p) => p.account?.status !== 'ENROLLED');
      if (!targets.length) {
        throw new UserError(
          `${nameList(skipped)} ${skipped.length > 1 ? "n'ont pas d'accès actif" : "n'a pas d'accès actif"} (non inscrit ou déjà désinscrit) : rien à désinscrire.`,
        );
      }
      const accountIds = targets.map((p) => p.account!.id);
      const now = new Date();
      const { count } = await tx.extranetAccount.updateMany({
        where: { id: { in: accountIds }, status: 'ENROLLED' },
        data: {
          status: 'UNENROLLED',
          unenrolledAt: now,
          credentialVersion: { increment: 1 },
          mustChangePassword: false,
        },
      });
      if (count !== targets.length) throw new UserError(SELECTION_CHANGED);
      await tx.extranetPassword.deleteMany({ where: { accountId: { in: accountIds } } });
      const links = await revokeAccountTokens(tx, accountIds, actor, 'unenrolled');
      await revokeAccountsSessions(tx, accountIds, 'unenrolled');
      const credentials = await withdrawUnsentMails(
        tx,
        actor,
        accountIds,
        CREDENTIAL_MAIL_TYPES,
        'CANCELLED',
        'unenrolled',
      );
      const unsent = [...links, ...credentials];
      for (const person of targets) {
        const cancelledMailIds = unsent.filter((m) => m.accountId === person.account!.id).map((m) => m.id);
        await recordEvent(tx, actor, {
          type: 'access.unenrolled',
          tiersId: person.id,
          targetId: person.account!.id,
          details: { login: person.account!.login, cancelledMailIds },
        });
      }
      const message =
        countLabel(targets.length, 'accès désinscrit', 'accès désinscrits') +
        (skipped.length
          ? ` ; ${countLabel(skipped.length, "personne n'avait pas d'accès actif", "personnes n'avaient pas d'accès actif")}.`
          : '.');
      return { unenrolled: targets.length, skipped: skipped.length, message };
    },
    { timeout: 60_000 },
  );
}

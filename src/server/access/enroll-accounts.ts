import 'server-only';
import { recordEvent, type Actor } from '@/server/journal/record-event';
import { db, type Tx } from '@/server/db';
import { UserError } from '@/server/errors';
import { generateLogin } from './generate-login';
import { loadSelection, nameList, rethrowConflict, SELECTION_CHANGED } from './selection';
import { countLabel } from '@/shared/plural';

export type EnrollResult = { enrolled: number; alreadyEnrolled: number; message: string };

/**
 * Inscrire: a new account with a fresh identifiant for people never enrolled, the same account (same identifiant)
 * re-enabled for people désinscrits. No mail leaves: credentials come from the envelope. People already enrolled
 * are left as they are; if everyone selected is, the request is refused.
 */
export async function enrollAccounts(actor: Actor, tiersIds: string[]): Promise<EnrollResult> {
  try {
    return await db.$transaction(
      async (tx) => {
        const people = await loadSelection(tx, tiersIds);
        const already = people.filter((p) => p.account?.status === 'ENROLLED');
        const fresh = people.filter((p) => !p.account);
        const back = people.filter((p) => p.account?.status === 'UNENROLLED');
        if (!fresh.length && !back.length) {
          throw new UserError(
            `${nameList(already)} ${already.length > 1 ? 'sont déjà inscrits' : 'est déjà inscrit(e)'} : rien à faire. Pour de nouveaux identifiants, utilisez l'enveloppe « Générer le mail d'identifiants ».`,
          );
        }
        const now = new Date();
        const logins = await uniqueLogins(tx, fresh);
        if (fresh.length) {
          await tx.extranetAccount.createMany({
            data: fresh.map((p, i) => ({ tiersId: p.id, login: logins[i], enrolledAt: now })),
          });
        }
        if (back.length) {
          const { count } = await tx.extranetAccount.updateMany({
            where: { id: { in: back.map((p) => p.account!.id) }, status: 'UNENROLLED' },
            data: {
              status: 'ENROLLED',
              enrolledAt: now,
              unenrolledAt: null,
              mustChangePassword: false,
              failedLoginCount: 0,
              lockedUntil: null,
            },
          });
          if (count !== back.length) throw new UserError(SELECTION_CHANGED);
        }
        const accounts = await tx.extranetAccount.findMany({
          where: { tiersId: { in: [...fresh, ...back].map((p) => p.id) } },
          select: { id: true, tiersId: true, login: true },
        });
        for (const account of accounts) {
          await recordEvent(tx, actor, {
            type: 'access.enrolled',
            tiersId: account.tiersId,
            targetId: account.id,
            details: { login: account.login, reenrolled: back.some((p) => p.id === account.tiersId) },
          });
        }
        const enrolled = fresh.length + back.length;
        const message =
          countLabel(enrolled, 'accès inscrit', 'accès inscrits') +
          (already.length
            ? ` ; ${countLabel(already.length, 'personne était déjà inscrite', 'personnes étaient déjà inscrites')}, inchangé${already.length > 1 ? 's' : ''}.`
            : '.');
        return { enrolled, alreadyEnrolled: already.length, message };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    rethrowConflict(error);
  }
}

/** One identifiant per person, none already taken (the unique index still guards a concurrent enrolment). */
async function uniqueLogins(tx: Tx, people: { lastName: string; companyName: string | null }[]): Promise<string[]> {
  const logins = people.map(generateLogin);
  for (let round = 0; round < 10; round++) {
    const taken = new Set(
      (await tx.extranetAccount.findMany({ where: { login: { in: logins } }, select: { login: true } })).map(
        (a) => a.login,
      ),
    );
    const seen = new Set<string>();
    let clash = false;
    logins.forEach((login, i) => {
      if (taken.has(login) || seen.has(login)) {
        logins[i] = generateLogin(people[i]);
        clash = true;
      }
      seen.add(logins[i]);
    });
    if (!clash) return logins;
  }
  throw new Error('Could not find free identifiants after 10 rounds');
}

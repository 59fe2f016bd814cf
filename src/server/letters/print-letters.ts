import 'server-only';
import { recordEvent, recordEvents, type Actor } from '@/server/journal/record-event';
import { db } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { formatLongDateTime, parisIsoDay } from '@/shared/dates';
import { decryptSecret } from '@/server/crypto/secret-box';
import { lettersPdf } from './letter-pdf';
import { selectLetterRows, takeLetterSecrets, type LetterRow } from './letters.sql';

export type PrintedLetters = { pdf: Uint8Array; fileName: string; count: number };

/**
 * "Imprimer": the PDF of one letter or many (one per page), each with its secret, which is decrypted into the PDF
 * only and wiped in the same transaction that marks the letter "Imprimé" (docs/decisions/025). All or nothing: one
 * letter that cannot be printed (already printed, cancelled, its credentials no longer current) and none is, with
 * a French sentence per letter saying what to do. A letter whose credentials died is withdrawn on the way (Annulé or
 * Remplacé, as the dispatcher does for a mail: decision 021).
 */
export async function printLetters(actor: Extract<Actor, { type: 'STAFF' }>, ids: string[]): Promise<PrintedLetters> {
  const rows = await selectLetterRows(db, ids);
  if (rows.length !== ids.length) throw new NotFoundError('mail');
  const problems: string[] = [];
  const stale: LetterRow[] = [];
  for (const row of rows) {
    const who = row.toName ?? 'cette personne';
    const renew = row.tiersId
      ? ` Pour lui en remettre, générez de nouveaux identifiants (voir [son diagnostic](/gestion/acces/${row.tiersId}/diagnostic)).`
      : ' Pour lui en remettre, générez de nouveaux identifiants.';
    if (row.channel !== 'LETTER')
      problems.push(`Le mail à ${who} n’est pas une lettre : il s’envoie, il ne s’imprime pas.`);
    else if (row.status === 'PRINTED')
      problems.push(
        `La lettre pour ${who} a déjà été imprimée${row.sentAt ? ` le ${formatLongDateTime(row.sentAt)}` : ''} : son mot de passe n’est plus conservé, elle ne peut pas être imprimée une seconde fois.${renew}`,
      );
    else if (row.status !== 'TO_PRINT')
      problems.push(
        `La lettre pour ${who} a été annulée ou remplacée : ses identifiants ne sont plus valables.${renew}`,
      );
    else if (!row.current || !row.hasSecret) {
      stale.push(row);
      problems.push(
        `Les identifiants de la lettre pour ${who} ne sont plus valables (désinscription ou identifiants plus récents) : elle est retirée.${renew}`,
      );
    }
  }
  if (stale.length) await withdraw(stale);
  if (problems.length) {
    const shown = problems.slice(0, 5).join(' ');
    const more = problems.length > 5 ? ` Et ${problems.length - 5} autre(s) lettre(s) dans le même cas.` : '';
    throw new UserError(`Rien n’a été imprimé. ${shown}${more}`);
  }

  return db.$transaction(
    async (tx) => {
      // Takes the secrets and wipes them in one statement, under the same guard as above, so a Désinscrire or an
      // envelope that won the race wins.
      const taken = await takeLetterSecrets(tx, ids, actor.staffId);
      if (taken.length !== ids.length)
        throw new UserError(
          'Ces lettres viennent de changer (imprimées, annulées ou remplacées par quelqu’un d’autre) : rechargez la page.',
        );
      const order = new Map(ids.map((id, i) => [id, i]));
      taken.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      const letters = taken.map((row) => {
        try {
          return { content: row.letter, secret: decryptSecret(row.secret) };
        } catch {
          throw new UserError(
            'Le secret d’une lettre ne peut pas être déchiffré (la clé OUTBOX_KEY a changé ?) : rien n’a été imprimé ; générez de nouveaux identifiants.',
          );
        }
      });
      const pdf = await lettersPdf(letters);
      await recordEvents(
        tx,
        actor,
        taken.map((row) => ({
          type: 'letter.printed',
          tiersId: row.tiersId,
          targetId: row.id,
          details: { letters: taken.length },
        })),
      );
      const day = parisIsoDay();
      return {
        pdf,
        count: taken.length,
        fileName: taken.length > 1 ? `lettres-identifiants-${day}.pdf` : `lettre-identifiants-${day}.pdf`,
      };
    },
    { timeout: 60_000 },
  );
}

/** Letters whose credentials died: Annulé (account closed) or Remplacé (newer credentials), secret wiped, journaled. */
async function withdraw(rows: LetterRow[]) {
  await db.$transaction(async (tx) => {
    for (const row of rows) {
      const status = row.enrolled ? 'REPLACED' : 'CANCELLED';
      const { count } = await tx.outboxMail.updateMany({
        where: { id: row.id, status: 'TO_PRINT' },
        data: { status, secretCiphertext: null },
      });
      if (count)
        await recordEvent(
          tx,
          { type: 'SYSTEM' },
          {
            type: status === 'REPLACED' ? 'mail.replaced' : 'mail.cancelled',
            tiersId: row.tiersId,
            targetId: row.id,
            details: { reason: status === 'REPLACED' ? 'newer_credentials' : 'credentials_closed' },
          },
        );
    }
  });
}

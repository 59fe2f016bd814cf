import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db, type Tx } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { cancelPendingEmailChanges } from './cancel-email-change';
import { checkEmails } from './check-emails';
import type { SaveTiersData } from '@/shared/tiers/save-tiers-data';
import { findDuplicates } from './find-duplicates';
import { displayName, sortNameOf } from '@/shared/tiers/names';
import { recordTiersChanges, tiersFieldsSelect } from './record-tiers-changes';
import type { ZTiersForm, ZTiersUpdateForm, TTiersFields } from './schemas';
import type { z } from 'zod';

export type SaveTiersResult = { message: string; data: SaveTiersData };

const duplicateMessage = (n: number) =>
  `${n === 1 ? 'Un tiers ressemble' : `${n} tiers ressemblent`} à celui-ci : vérifiez, puis cliquez sur « Enregistrer quand même » si ce n'est pas un doublon.`;

/**
 * What to ask before saving: look-alike tiers (same e-mail, or same name at the same address) and an e-mail that
 * looks mistyped (src/server/tiers/check-emails.ts); null when there is nothing to ask.
 */
async function beforeSaving(
  tx: Tx,
  fields: TTiersFields,
  id?: string,
): Promise<{ message: string; data: SaveTiersData } | null> {
  const duplicates = await findDuplicates(tx, fields, id);
  const [warnings] = await checkEmails(tx, [{ email: fields.email, tiersId: id }]);
  const typo = warnings.find((w) => w.kind === 'suggestion');
  if (!duplicates.length && !typo) return null;
  const messages = [
    ...(typo
      ? [`${typo.message} Corrigez l'adresse, ou cliquez sur « Enregistrer quand même » si elle est exacte.`]
      : []),
    ...(duplicates.length ? [duplicateMessage(duplicates.length)] : []),
  ];
  return { message: messages.join(' '), data: { duplicates, emailSuggestion: typo?.suggestion } };
}

/** A new tiers; first asks about look-alikes and a mistyped e-mail unless told to save anyway. Journaled. */
export async function createTiers(
  actor: StaffAudit,
  { confirmDuplicates, ...fields }: z.output<typeof ZTiersForm>,
): Promise<SaveTiersResult> {
  return db.$transaction(async (tx) => {
    const ask = confirmDuplicates ? null : await beforeSaving(tx, fields);
    if (ask) return ask;
    await assertRefFree(tx, fields.externalRef);
    const tiers = await tx.tiers.create({ data: { ...fields, sortName: sortNameOf(fields) }, select: { id: true } });
    await recordEvent(tx, actor, {
      type: 'tiers.created',
      tiersId: tiers.id,
      targetId: tiers.id,
      details: { kind: fields.kind, externalRef: fields.externalRef },
    });
    return { message: `${displayName(fields)} a été créé.`, data: { id: tiers.id } };
  });
}

/**
 * A tiers' fields saved, each change journaled; a new e-mail cancels the address the person asked for in "Mes
 * coordonnées" and has not confirmed yet (docs/decisions/043).
 */
export async function updateTiers(
  actor: StaffAudit,
  { id, confirmDuplicates, ...fields }: z.output<typeof ZTiersUpdateForm>,
): Promise<SaveTiersResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.tiers.findUnique({ where: { id }, select: tiersFieldsSelect });
    if (!before) throw new NotFoundError('tiers');
    const ask = confirmDuplicates ? null : await beforeSaving(tx, fields, id);
    if (ask) return ask;
    await assertRefFree(tx, fields.externalRef, id);
    await tx.tiers.update({ where: { id }, data: { ...fields, sortName: sortNameOf(fields) } });
    await recordTiersChanges(tx, actor, id, before, fields);
    if ((before.email ?? null) !== (fields.email ?? null)) await cancelPendingEmailChanges(tx, actor, [id], 'form');
    return { message: `Les informations de ${displayName(fields)} sont enregistrées.`, data: { id } };
  });
}

async function assertRefFree(tx: Tx, externalRef: string | null, exceptId?: string) {
  if (!externalRef) return;
  const other = await tx.tiers.findUnique({
    where: { externalRef },
    select: { id: true, civility: true, lastName: true, firstName: true, companyName: true },
  });
  if (other && other.id !== exceptId)
    throw new UserError(
      `La référence externe « ${externalRef} » est déjà celle de ${displayName(other)} : choisissez-en une autre.`,
    );
}

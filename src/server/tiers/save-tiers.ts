import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db, type Tx } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { cancelPendingEmailChanges } from '@/server/extranet/cancel-email-change';
import { checkEmails } from './check-emails';
import { findDuplicates, type TiersDuplicate } from './find-duplicates';
import { displayName, sortNameOf } from './names';
import { recordTiersChanges, tiersFieldsSelect } from './record-tiers-changes';
import { ZTiersForm, ZTiersUpdateForm, type TTiersFields } from './schemas';

export type SaveTiersData = {
  id?: string;
  duplicates?: TiersDuplicate[];
  /** The address as it was probably meant ("Vouliez-vous dire … ?"), asked before saving like a duplicate. */
  emailSuggestion?: string;
};

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

export const createTiersAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZTiersForm,
  async run({ input: { confirmDuplicates, ...fields }, audit }): Promise<{ message: string; data: SaveTiersData }> {
    return db.$transaction(async (tx) => {
      const ask = confirmDuplicates ? null : await beforeSaving(tx, fields);
      if (ask) return ask;
      await assertRefFree(tx, fields.externalRef);
      const tiers = await tx.tiers.create({ data: { ...fields, sortName: sortNameOf(fields) }, select: { id: true } });
      await recordEvent(tx, audit, {
        type: 'tiers.created',
        tiersId: tiers.id,
        targetId: tiers.id,
        details: { kind: fields.kind, externalRef: fields.externalRef },
      });
      return { message: `${displayName(fields)} a été créé.`, data: { id: tiers.id } };
    });
  },
});

export const updateTiersAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZTiersUpdateForm,
  async run({ input: { id, confirmDuplicates, ...fields }, audit }): Promise<{ message: string; data: SaveTiersData }> {
    return db.$transaction(async (tx) => {
      const before = await tx.tiers.findUnique({ where: { id }, select: tiersFieldsSelect });
      if (!before) throw new NotFoundError('tiers');
      const ask = confirmDuplicates ? null : await beforeSaving(tx, fields, id);
      if (ask) return ask;
      await assertRefFree(tx, fields.externalRef, id);
      await tx.tiers.update({ where: { id }, data: { ...fields, sortName: sortNameOf(fields) } });
      await recordTiersChanges(tx, audit, id, before, fields);
      if ((before.email ?? null) !== (fields.email ?? null)) await cancelPendingEmailChanges(tx, audit, [id], 'form');
      return { message: `Les informations de ${displayName(fields)} sont enregistrées.`, data: { id } };
    });
  },
});

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

import 'server-only';
import { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import { recordEvent } from '@/server/journal/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { nudgeDispatcher } from './in-app-dispatcher';
import { countLabel } from '@/shared/plural';

const ZMailIds = z.object({
  ids: z.preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z
      .array(z.string().min(1).max(64))
      .min(1, 'Sélectionnez au moins un mail.')
      .max(500, 'Sélectionnez au plus 500 mails à la fois.'),
  ),
});

/**
 * "Envoyer": À vérifier → En cours d'envoi, due now. The dispatcher delivers; nudging it is only about speed.
 * Each mail moved writes its `mail.sent` event (the staff decision to send) in the same transaction.
 */
export const sendMails = defineStaffAction({
  permission: 'outbox:send',
  input: ZMailIds,
  async run({ input, audit, actor }) {
    const moved = await db.$transaction(async (tx) => {
      const mails = await tx.outboxMail.updateManyAndReturn({
        where: { id: { in: input.ids }, status: 'PENDING_REVIEW' },
        data: { status: 'SENDING', nextAttemptAt: new Date(), sentById: actor.id },
        select: { id: true, tiersId: true, toAddress: true },
      });
      for (const m of mails)
        await recordEvent(tx, audit, {
          type: 'mail.sent',
          tiersId: m.tiersId,
          targetId: m.id,
          details: { to: m.toAddress },
        });
      return mails.length;
    });
    if (!moved)
      throw new UserError(
        "Aucun de ces mails n'est à vérifier : ils ont déjà été envoyés, annulés ou remplacés. Rechargez la page.",
      );
    nudgeDispatcher();
    const skipped = input.ids.length - moved;
    return {
      message: `${countLabel(moved, 'mail envoyé', 'mails envoyés')} au serveur de messagerie${skipped ? ` (${countLabel(skipped, 'ignoré', 'ignorés')} : déjà traité)` : ''}.`,
    };
  },
});

/** "Réessayer": Échec → En cours d'envoi with a fresh set of attempts. */
export const retryMails = defineStaffAction({
  permission: 'outbox:send',
  input: ZMailIds,
  async run({ input, audit, actor }) {
    const moved = await db.$transaction(async (tx) => {
      const mails = await tx.outboxMail.updateManyAndReturn({
        where: { id: { in: input.ids }, status: 'FAILED' },
        data: { status: 'SENDING', attempts: 0, nextAttemptAt: new Date(), sentById: actor.id },
        select: { id: true, tiersId: true },
      });
      for (const m of mails)
        await recordEvent(tx, audit, {
          type: 'mail.retried',
          tiersId: m.tiersId,
          targetId: m.id,
        });
      return mails.length;
    });
    if (!moved) throw new UserError("Aucun de ces mails n'est en échec. Rechargez la page.");
    nudgeDispatcher();
    return { message: `${countLabel(moved, 'mail remis', 'mails remis')} en envoi.` };
  },
});

/**
 * "Annuler": a mail not sent yet (À vérifier, Échec, a letter À imprimer, or waiting in En cours d'envoi without a dispatcher
 * holding it) becomes Annulé and its secret is wiped.
 */
export const cancelMails = defineStaffAction({
  permission: 'outbox:send',
  input: ZMailIds,
  async run({ input, audit }) {
    const moved = await db.$transaction(async (tx) => {
      const cancellable: Prisma.OutboxMailWhereInput = {
        id: { in: input.ids },
        OR: [
          { status: { in: ['PENDING_REVIEW', 'FAILED', 'TO_PRINT'] } },
          { status: 'SENDING', OR: [{ leaseUntil: null }, { leaseUntil: { lt: new Date() } }] },
        ],
      };
      const mails = await tx.outboxMail.updateManyAndReturn({
        where: cancellable,
        data: { status: 'CANCELLED', secretCiphertext: null, nextAttemptAt: null },
        select: { id: true, tiersId: true },
      });
      for (const m of mails)
        await recordEvent(tx, audit, {
          type: 'mail.cancelled',
          tiersId: m.tiersId,
          targetId: m.id,
        });
      return mails.length;
    });
    if (!moved)
      throw new UserError(
        'Ces mails ne peuvent plus être annulés : ils sont déjà partis ou en train de partir. Rechargez la page.',
      );
    return { message: `${countLabel(moved, 'mail annulé', 'mails annulés')}.` };
  },
});

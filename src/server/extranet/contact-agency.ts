import 'server-only';
import { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import { db } from '@/server/db';
import type { ExtranetActor } from './session-validity';

export const ZContactMessage = z.object({
  subject: z
    .string()
    .trim()
    .min(1, 'Indiquez l’objet de votre message.')
    .max(200, 'L’objet est limité à 200 caractères.'),
  body: z.string().trim().min(1, 'Écrivez votre message.').max(5000, 'Le message est limité à 5 000 caractères.'),
});

/** "Contacter l'agence": a message that staff find in the back office's Assistance. */
export async function contactAgency(
  actor: ExtranetActor,
  input: z.output<typeof ZContactMessage>,
  ip: string | null,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const message = await tx.contactMessage.create({
      data: { tiersId: actor.tiersId, accountId: actor.accountId, subject: input.subject, body: input.body },
      select: { id: true },
    });
    await recordEvent(
      tx,
      { type: 'EXTRANET', accountId: actor.accountId, ip },
      { type: 'extranet.message_sent', tiersId: actor.tiersId, targetId: message.id },
    );
  });
}

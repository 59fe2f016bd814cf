import 'server-only';
import type { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import type { ZMailTemplate } from './schemas';

/** Paramètres → Mails: the agency's text for one mail type and audience, used by the next mails generated. */
export async function saveMailTemplate(actor: StaffAudit, input: z.output<typeof ZMailTemplate>): Promise<string> {
  const { type, audience, subject, intro } = input;
  await db.$transaction(async (tx) => {
    const row = await tx.mailTemplate.upsert({
      where: { type_audience: { type, audience } },
      create: { type, audience, subject, intro, updatedById: actor.staffId },
      update: { subject, intro, updatedById: actor.staffId },
      select: { id: true },
    });
    await recordEvent(tx, actor, {
      type: 'settings.mail_template_updated',
      targetId: row.id,
      details: { type, audience },
    });
  });
  return 'Modèle enregistré : les prochains mails générés l’utiliseront.';
}

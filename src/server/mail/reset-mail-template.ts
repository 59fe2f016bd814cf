import 'server-only';
import type { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import type { ZMailTemplateKey } from './schemas';

/** Paramètres → Mails: back to the default text of one mail type and audience (journaled only if one was saved). */
export async function resetMailTemplate(actor: StaffAudit, input: z.output<typeof ZMailTemplateKey>): Promise<string> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.mailTemplate.deleteMany({ where: input });
    if (count)
      await recordEvent(tx, actor, {
        type: 'settings.mail_template_reset',
        details: input,
      });
  });
  return 'Modèle par défaut rétabli.';
}

import 'server-only';
import type { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import type { ZAgencyIdentity } from './schemas';

/** Paramètres → Mails: the agency's name, logo, signature and reply address, used by the next mails generated. */
export async function saveAgencyIdentity(actor: StaffAudit, input: z.output<typeof ZAgencyIdentity>): Promise<string> {
  await db.$transaction(async (tx) => {
    await tx.agencySettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    await recordEvent(tx, actor, {
      type: 'settings.mail_identity_updated',
      targetId: '1',
      details: input,
    });
  });
  return "Identité de l'agence enregistrée : les prochains mails générés l'utiliseront.";
}

import 'server-only';
import type { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import type { ZInvitation } from './schemas';
import { sendStaffLink } from './staff-link';

/** Équipe → "Inviter": a new staff member without a password, and the activation link mailed through the outbox. */
export async function inviteStaff(actor: StaffAudit, input: z.output<typeof ZInvitation>): Promise<string> {
  await db.$transaction(async (tx) => {
    if (await tx.staffUser.findUnique({ where: { email: input.email }, select: { id: true } }))
      throw new UserError(`Un compte existe déjà pour ${input.email} : retrouvez-le dans la liste.`);
    const staff = await tx.staffUser.create({
      data: { email: input.email, name: input.name, role: input.role, invitedAt: new Date() },
      select: { id: true, email: true, name: true },
    });
    await sendStaffLink(tx, staff, 'ACTIVATION', actor.staffId);
    await recordEvent(tx, actor, {
      type: 'staff.invited',
      targetId: staff.id,
      details: { email: input.email, role: input.role },
    });
  });
  return `Invitation envoyée à ${input.email} : la personne choisira son mot de passe avec le lien reçu.`;
}

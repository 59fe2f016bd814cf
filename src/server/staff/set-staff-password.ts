import 'server-only';
import type { z } from 'zod';
import { recordEvent } from '@/server/journal/record-event';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { assertAcceptablePassword } from '@/server/extranet/change-password';
import { hashPassword } from '@/server/session/password';
import { revokeSessions } from '@/server/session/sessions';
import type { ZStaffLinkPassword } from './schemas';
import { findStaffLink, STAFF_LINK_INVALID } from './staff-link';

/**
 * From an invitation or reset link: the staff member chooses a password (the extranet's policy), the link is spent
 * atomically, every other session ends. The person then signs in on the sign-in page.
 */
export async function setStaffPasswordFromLink(
  input: z.output<typeof ZStaffLinkPassword>,
  ip: string | null,
): Promise<{ email: string }> {
  const link = await findStaffLink(input.jeton);
  if (!link) throw new UserError(STAFF_LINK_INVALID);
  assertAcceptablePassword(input, {
    login: link.staff.email,
    names: [link.staff.name, link.staff.email.split('@')[0]],
  });
  const hash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const spent = await tx.staffToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) throw new UserError(STAFF_LINK_INVALID);
    await tx.staffUser.update({
      where: { id: link.staff.id },
      data: {
        invitedAt: null,
        failedLoginCount: 0,
        lockedUntil: null,
        credentialVersion: { increment: 1 },
        password: { upsert: { create: { hash }, update: { hash } } },
      },
    });
    await tx.staffToken.deleteMany({ where: { staffId: link.staff.id, id: { not: link.id } } });
    await revokeSessions(tx, { staffId: link.staff.id }, 'password');
    await recordEvent(
      tx,
      { type: 'STAFF', staffId: link.staff.id, ip },
      {
        type: 'staff.password_set',
        targetId: link.staff.id,
        details: { via: link.type === 'ACTIVATION' ? 'invitation' : 'reset' },
      },
    );
  });
  return { email: link.staff.email };
}

import 'server-only';
import { recordEvent } from '@/server/audit/record-event';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import { db } from '@/server/db';

export type StaffIdentity = { id: string; role: 'ADMIN' | 'GESTIONNAIRE' | 'SUPPORT'; credentialVersion: number };

/** Checks an e-mail and password; null for any failure, with the same work done whether the account exists or not. */
export async function authenticateStaff(
  email: string,
  password: string,
  ip: string | null,
): Promise<StaffIdentity | null> {
  const user = await db.staffUser.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, role: true, credentialVersion: true, disabledAt: true, password: { select: { hash: true } } },
  });
  const { valid, needsRehash } = await verifyPassword(user?.password?.hash, password);
  if (!user || !valid || user.disabledAt) {
    if (user)
      await db.$transaction((tx) =>
        recordEvent(tx, { type: 'STAFF', staffId: user.id, ip }, { type: 'staff.login_failed' }),
      );
    return null;
  }
  const newHash = needsRehash ? await hashPassword(password) : null;
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    if (newHash) await tx.staffPassword.update({ where: { userId: user.id }, data: { hash: newHash } });
    await recordEvent(tx, { type: 'STAFF', staffId: user.id, ip }, { type: 'staff.login' });
  });
  return { id: user.id, role: user.role, credentialVersion: user.credentialVersion };
}

import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { StaffRole } from '@/generated/prisma/enums';
import { auth } from '@/server/auth/auth';
import { can, type Permission } from '@/server/auth/permissions';
import { db } from '@/server/db';

export type StaffActor = { id: string; name: string; email: string; role: StaffRole };

/** The signed-in staff member, or null. Checks the token's credential version against the database on every request. */
export const getStaffActor = cache(async (): Promise<StaffActor | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user || user.kind !== 'staff') return null;
  return db.staffUser.findFirst({
    where: { id: user.id, credentialVersion: user.cv, disabledAt: null },
    select: { id: true, name: true, email: true, role: true },
  });
});

/** For pages: signed-in staff holding `permission`, else the sign-in page (or 404 for a missing permission). */
export async function requireStaff(permission?: Permission): Promise<StaffActor> {
  const actor = await getStaffActor();
  if (!actor) redirect('/gestion/connexion');
  if (permission && !can(actor.role, permission)) notFound();
  return actor;
}

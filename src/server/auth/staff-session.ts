import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { StaffRole } from '@/generated/prisma/enums';
import { can, type Permission } from '@/server/auth/permissions';
import { currentSession } from '@/server/session/sessions';

export type StaffActor = { id: string; name: string; email: string; role: StaffRole };

/** The signed-in staff member, or null. The session is checked against the database on every request. */
export const getStaffActor = cache(async (): Promise<StaffActor | null> => {
  const session = await currentSession('STAFF');
  return session?.staff ?? null;
});

/** For pages: signed-in staff holding `permission`, else the sign-in page (or 404 for a missing permission). */
export async function requireStaff(permission?: Permission): Promise<StaffActor> {
  const actor = await getStaffActor();
  if (!actor) redirect('/gestion/connexion');
  if (permission && !can(actor.role, permission)) notFound();
  return actor;
}

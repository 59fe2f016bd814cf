'use server';
import { redirect } from 'next/navigation';
import { signOut } from '@/server/staff/staff-auth';
import { getStaffActor } from '@/server/auth/staff-session';
import { requestInfo } from '@/server/extranet/request-info';
import { endAllStaffSessions } from '@/server/staff/end-staff-sessions';
import { clearSessionCookie } from '@/server/session/cookie';

/** "Se déconnecter": this device's session ends (Auth.js clears the cookie, its signOut event revokes the row). */
export async function signOutStaff() {
  await signOut({ redirectTo: '/gestion/connexion' });
}

/** "Se déconnecter partout": every session of this staff member ends, on every device, at its next request. */
export async function signOutStaffEverywhere() {
  const actor = await getStaffActor();
  if (actor) await endAllStaffSessions({ type: 'STAFF', staffId: actor.id, ip: (await requestInfo()).ip }, actor.id);
  await clearSessionCookie();
  redirect('/gestion/connexion');
}

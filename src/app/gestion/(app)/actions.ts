'use server';
import { signOut } from '@/server/auth/auth';

export async function signOutStaff() {
  await signOut({ redirectTo: '/gestion/connexion' });
}

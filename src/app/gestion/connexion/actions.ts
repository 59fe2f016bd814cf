'use server';
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn, StaffSignInRefused } from '@/server/staff/staff-auth';
import { STAFF_LOGIN_FAILED } from '@/server/session/messages';

export type SignInState = { error?: string; email?: string };

// Auth.js runs the staff sign-in (its Credentials provider calls the guarded sign-in): a refusal comes back as
// StaffSignInRefused with the sentence to show (the same for a known and an unknown e-mail).
export async function signInStaff(_: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!email || !password) return { error: 'Saisissez votre adresse e-mail et votre mot de passe.', email };
  try {
    await signIn('staff', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof StaffSignInRefused) return { error: error.refusal, email };
    if (error instanceof AuthError) return { error: STAFF_LOGIN_FAILED, email };
    throw error;
  }
  redirect('/gestion');
}

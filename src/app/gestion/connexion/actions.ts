'use server';
import { AuthError } from 'next-auth';
import { signIn } from '@/server/auth/auth';

export type SignInState = { error?: string; email?: string };

export async function signInStaff(_: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!email || !password) return { error: 'Saisissez votre adresse e-mail et votre mot de passe.', email };
  try {
    await signIn('staff', { email, password, redirectTo: '/gestion' });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      return {
        error: 'Adresse e-mail ou mot de passe incorrect. Vérifiez la saisie (majuscules, chiffres) et réessayez.',
        email,
      };
    }
    throw error; // the redirect after a successful sign-in
  }
}

'use server';
import { revalidatePath } from 'next/cache';
import { enrollAction, generateCredentialsAction } from '@/server/access/actions';
import { staffAction } from '@/server/auth/staff-action';
import { unlockAccountAction } from '@/server/diagnostic/actions';

// The fixes the verdict offers, bound to the same action definitions as Gestion des accès.
const unlock = staffAction(unlockAccountAction);
const enroll = staffAction(enrollAction);
const generate = staffAction(generateCredentialsAction);

const refresh = (form: FormData) =>
  revalidatePath(`/gestion/acces/${String(form.get('tiersId') ?? form.get('ids'))}/diagnostic`);

export async function unlockFix(prev: unknown, form: FormData) {
  const result = await unlock(prev, form);
  refresh(form);
  return result;
}

export async function enrollFix(prev: unknown, form: FormData) {
  const result = await enroll(prev, form);
  refresh(form);
  return result;
}

export async function generateFix(prev: unknown, form: FormData) {
  const result = await generate(prev, form);
  refresh(form);
  return result;
}

'use server';
import { revalidatePath } from 'next/cache';
import { staffAction } from '@/server/auth/staff-action';
import { unlockAccount } from '@/server/diagnostic/unlock-account';

const unlock = staffAction(unlockAccount);

export async function unlockAction(prev: unknown, form: FormData) {
  const result = await unlock(prev, form);
  revalidatePath(`/gestion/acces/${String(form.get('tiersId'))}/diagnostic`);
  return result;
}

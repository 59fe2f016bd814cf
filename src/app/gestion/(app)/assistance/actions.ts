'use server';
import { revalidatePath } from 'next/cache';
import { staffAction } from '@/server/auth/staff-action';
import { assignMessageAction, markMessageHandledAction } from '@/server/assistance/actions';

const assign = staffAction(assignMessageAction);
const handle = staffAction(markMessageHandledAction);

export async function assignAction(prev: unknown, form: FormData) {
  const result = await assign(prev, form);
  revalidatePath('/gestion/assistance');
  return result;
}

export async function handleAction(prev: unknown, form: FormData) {
  const result = await handle(prev, form);
  revalidatePath('/gestion/assistance');
  return result;
}

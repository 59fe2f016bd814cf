'use server';
import { confirmEmailChangeAction } from '@/server/extranet/actions';
import { extranetAction } from '@/server/extranet/extranet-action';

export const confirmNewEmail = extranetAction(confirmEmailChangeAction);

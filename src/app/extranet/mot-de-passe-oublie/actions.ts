'use server';
import { requestPasswordResetAction } from '@/server/extranet/actions';
import { extranetAction } from '@/server/extranet/extranet-action';

export const askPasswordReset = extranetAction(requestPasswordResetAction);

'use server';
import { staffAction } from '@/server/auth/staff-action';
import * as outbox from '@/server/outbox/actions';

export const sendMailsAction = staffAction(outbox.sendMailsAction);
export const retryMailsAction = staffAction(outbox.retryMailsAction);
export const cancelMailsAction = staffAction(outbox.cancelMailsAction);
export const previewMailServerAction = staffAction(outbox.previewMailAction);

'use server';
import { staffAction } from '@/server/auth/staff-action';
import { cancelMails, retryMails, sendMails } from '@/server/outbox/outbox-actions';
import { previewMailAction } from '@/server/outbox/preview-mail';

export const sendMailsAction = staffAction(sendMails);
export const retryMailsAction = staffAction(retryMails);
export const cancelMailsAction = staffAction(cancelMails);
export const previewMailServerAction = staffAction(previewMailAction);

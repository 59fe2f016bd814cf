'use server';
import { staffAction } from '@/server/auth/staff-action';
import * as mail from '@/server/mail/actions';
import { testMailTransportAction as testMailTransport } from '@/server/outbox/actions';

export const saveAgencyIdentityAction = staffAction(mail.saveAgencyIdentityAction);
export const saveMailTemplateAction = staffAction(mail.saveMailTemplateAction);
export const resetMailTemplateAction = staffAction(mail.resetMailTemplateAction);
export const previewMailTemplateAction = staffAction(mail.previewMailTemplateAction);
export const testMailTransportAction = staffAction(testMailTransport);

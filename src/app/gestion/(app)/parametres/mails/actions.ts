'use server';
import { staffAction } from '@/server/auth/staff-action';
import {
  previewMailTemplate,
  resetMailTemplate,
  saveAgencyIdentity,
  saveMailTemplate,
} from '@/server/mail/mail-settings';
import { testMailTransport } from '@/server/outbox/transport-status';

export const saveAgencyIdentityAction = staffAction(saveAgencyIdentity);
export const saveMailTemplateAction = staffAction(saveMailTemplate);
export const resetMailTemplateAction = staffAction(resetMailTemplate);
export const previewMailTemplateAction = staffAction(previewMailTemplate);
export const testMailTransportAction = staffAction(testMailTransport);

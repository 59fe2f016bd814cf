import 'server-only';
import { defineStaffAction } from '@/server/auth/staff-action';
import { assignMessage } from './assign-message';
import { markMessageHandled } from './mark-message-handled';
import { ZAssignMessage, ZMessageId } from './schemas';

// Assistance: the people's messages to the agency (assistance:write).

export const assignMessageAction = defineStaffAction({
  permission: 'assistance:write',
  input: ZAssignMessage,
  async run({ input, audit }) {
    return { message: await assignMessage(audit, input.messageId, input.staffId) };
  },
});

export const markMessageHandledAction = defineStaffAction({
  permission: 'assistance:write',
  input: ZMessageId,
  async run({ input, audit }) {
    return { message: await markMessageHandled(audit, input.messageId) };
  },
});

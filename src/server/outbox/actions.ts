import 'server-only';
import { z } from 'zod';
import { defineStaffAction } from '@/server/auth/staff-action';
import { cancelMails } from './cancel-mails';
import { previewMail } from './preview-mail';
import { retryMails } from './retry-mails';
import { ZMailIds } from './schemas';
import { sendMails } from './send-mails';
import { testMailTransport } from './test-mail-transport';

// The Centre d'envoi's buttons, the loupe, and Paramètres → Mails' "Tester la connexion".

export const sendMailsAction = defineStaffAction({
  permission: 'outbox:send',
  input: ZMailIds,
  async run({ input, audit }) {
    return { message: await sendMails(audit, input.ids) };
  },
});

export const retryMailsAction = defineStaffAction({
  permission: 'outbox:send',
  input: ZMailIds,
  async run({ input, audit }) {
    return { message: await retryMails(audit, input.ids) };
  },
});

export const cancelMailsAction = defineStaffAction({
  permission: 'outbox:send',
  input: ZMailIds,
  async run({ input, audit }) {
    return { message: await cancelMails(audit, input.ids) };
  },
});

export const previewMailAction = defineStaffAction({
  permission: 'outbox:preview',
  input: z.object({ id: z.string().min(1).max(64) }),
  async run({ input, audit }) {
    return { data: await previewMail(audit, input.id) };
  },
});

export const testMailTransportAction = defineStaffAction({
  permission: 'settings:write',
  input: z.object({}),
  async run() {
    return { message: await testMailTransport() };
  },
});

import 'server-only';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { z } from 'zod';
import type { MailStatus, MailType } from '@/generated/prisma/enums';
import type { Actor } from '@/server/audit/record-event';
import { recordEvent } from '@/server/audit/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { getConfig } from '@/server/config';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { formatParisDateTime } from '@/server/mail/render-mail';
import { composeMessage, maskSecret } from './compose-message';
import { decodeHeaders } from './decode-headers';
import { loadSender } from '@/server/mail/sender';

export type MailPreview = {
  id: string;
  type: MailType;
  status: MailStatus;
  from: string;
  to: string;
  subject: string;
  /** When it was sent, else when it was generated. */
  date: string;
  html: string;
  text: string;
  headers: string;
  /** The same headers, unfolded and decoded, for reading. */
  headerFields: [string, string][];
  lastError: string | null;
};

/**
 * The loupe: the message exactly as the dispatcher will build it, with the secret masked everywhere (HTML, text,
 * headers), whatever the role. Opening it is recorded in the journal (`mail.previewed`).
 */
export async function previewMail(actor: Actor, id: string): Promise<MailPreview> {
  return db.$transaction(async (tx) => {
    const mail = await tx.outboxMail.findUnique({
      where: { id },
      select: {
        id: true,
        type: true,
        status: true,
        tiersId: true,
        toAddress: true,
        toName: true,
        subject: true,
        html: true,
        text: true,
        messageId: true,
        secretCreatedAt: true,
        secretExpiresAt: true,
        createdAt: true,
        sentAt: true,
        lastError: true,
      },
    });
    if (!mail) throw new NotFoundError('mail');
    const date = mail.sentAt ?? mail.createdAt;
    const config = getConfig();
    const sender = await loadSender(tx, config.mailFrom, config.mailReplyTo);
    const message = composeMessage(mail, maskSecret(mail), sender, date);
    const raw = (await new MailComposer(message).compile().build()).toString('utf8');
    await recordEvent(tx, actor, {
      type: 'mail.previewed',
      tiersId: mail.tiersId,
      targetType: 'OutboxMail',
      targetId: mail.id,
    });
    return {
      id: mail.id,
      type: mail.type,
      status: mail.status,
      from: `${sender.from.name} <${sender.from.address}>`,
      to: mail.toName ? `${mail.toName} <${mail.toAddress}>` : mail.toAddress,
      subject: mail.subject,
      date: formatParisDateTime(date),
      html: String(message.html),
      text: String(message.text),
      headers: raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n/g, '\n'),
      headerFields: decodeHeaders(raw.slice(0, raw.indexOf('\r\n\r\n'))),
      lastError: mail.lastError,
    };
  });
}

export const previewMailAction = defineStaffAction({
  permission: 'outbox:preview',
  input: z.object({ id: z.string().min(1).max(64) }),
  async run({ input, audit }) {
    return { data: await previewMail(audit, input.id) };
  },
});

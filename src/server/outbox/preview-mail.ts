import 'server-only';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { z } from 'zod';
import type { MailChannel, MailStatus, MailType } from '@/generated/prisma/enums';
import type { Actor } from '@/server/journal/record-event';
import { recordEvent } from '@/server/journal/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { getConfig } from '@/server/config';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { letterHtml, letterText, type LetterContent } from '@/server/letters/letter-content';
import { formatParisDateTime, maskSecret } from '@/server/mail/render-mail';
import { DELIVERY_KIND_LABELS } from '@/shared/outbox/delivery-labels';
import { composeMessage } from './compose-message';
import { decodeHeaders } from './decode-headers';
import { MAIL_STATUS_LABELS } from './labels';

const DELIVERY_SOURCE_LABELS: Record<string, string> = {
  brevo: 'Brevo',
  mailjet: 'Mailjet',
  dsn: 'avis de non-remise',
};
import { loadSender } from '@/server/mail/sender';

export type MailPreview = {
  id: string;
  type: MailType;
  status: MailStatus;
  /** LETTER: a letter to print (decision 025): no headers; `to` is the postal address. */
  channel: MailChannel;
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
  /** "Rejeté", "Signalé comme spam"…: the status as staff read it. */
  statusLabel: string;
  /** What the relay or DSNs said after it left, oldest first (docs/decisions/022). */
  deliveryEvents: { at: string; label: string; detail: string | null; source: string }[];
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
        deliveryEvents: {
          orderBy: { occurredAt: 'asc' },
          take: 50,
          select: { occurredAt: true, kind: true, smtpStatus: true, reason: true, source: true },
        },
        channel: true,
        letter: true,
      },
    });
    if (!mail) throw new NotFoundError('mail');
    const date = mail.sentAt ?? mail.createdAt;
    await recordEvent(tx, actor, {
      type: 'mail.previewed',
      tiersId: mail.tiersId,
      targetId: mail.id,
    });
    if (mail.channel === 'LETTER' && mail.letter) {
      const letter = mail.letter as LetterContent;
      return {
        id: mail.id,
        type: mail.type,
        status: mail.status,
        channel: mail.channel,
        from: letter.sender[0] ?? '',
        to: letter.recipient.join(', '),
        subject: mail.subject,
        date: formatParisDateTime(date),
        html: letterHtml(letter, maskSecret(mail)),
        text: letterText(letter, maskSecret(mail)),
        headers: '',
        headerFields: [],
        lastError: mail.lastError,
        statusLabel: MAIL_STATUS_LABELS[mail.status],
        deliveryEvents: [],
      };
    }
    const config = getConfig();
    const sender = await loadSender(tx, config.mailFrom, config.mailReplyTo);
    const message = composeMessage(mail, maskSecret(mail), sender, date);
    const raw = (await new MailComposer(message).compile().build()).toString('utf8');
    return {
      id: mail.id,
      type: mail.type,
      status: mail.status,
      channel: mail.channel,
      from: `${sender.from.name} <${sender.from.address}>`,
      to: mail.toName ? `${mail.toName} <${mail.toAddress}>` : mail.toAddress,
      subject: mail.subject,
      date: formatParisDateTime(date),
      html: String(message.html),
      text: String(message.text),
      headers: raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n/g, '\n'),
      headerFields: decodeHeaders(raw.slice(0, raw.indexOf('\r\n\r\n'))),
      lastError: mail.lastError,
      statusLabel: MAIL_STATUS_LABELS[mail.status],
      deliveryEvents: mail.deliveryEvents.map((e) => ({
        at: formatParisDateTime(e.occurredAt),
        label: DELIVERY_KIND_LABELS[e.kind],
        detail:
          [e.smtpStatus && !e.reason?.includes(e.smtpStatus) ? e.smtpStatus : null, e.reason]
            .filter(Boolean)
            .join(' ')
            .replace(/\s+/g, ' ')
            .slice(0, 500) || null,
        source: DELIVERY_SOURCE_LABELS[e.source] ?? e.source,
      })),
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

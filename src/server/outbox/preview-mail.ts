import 'server-only';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Actor } from '@/server/journal/record-event';
import { recordEvent } from '@/server/journal/record-event';
import { getConfig } from '@/server/config';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { letterHtml, letterText, type LetterContent } from '@/server/letters/letter-content';
import { maskSecret } from '@/server/mail/render-mail';
import { formatLongDateTime } from '@/shared/dates';
import { DELIVERY_KIND_LABELS } from '@/shared/outbox/delivery-labels';
import type { MailPreview } from '@/shared/outbox/mail-preview';
import { composeMessage } from './compose-message';
import { decodeHeaders } from './decode-headers';
import { MAIL_STATUS_LABELS } from '@/shared/outbox/mail-labels';

const DELIVERY_SOURCE_LABELS: Record<string, string> = {
  brevo: 'Brevo',
  mailjet: 'Mailjet',
  dsn: 'avis de non-remise',
};
import { loadSender } from '@/server/mail/sender';

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
        date: formatLongDateTime(date),
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
      date: formatLongDateTime(date),
      html: String(message.html),
      text: String(message.text),
      headers: raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n/g, '\n'),
      headerFields: decodeHeaders(raw.slice(0, raw.indexOf('\r\n\r\n'))),
      lastError: mail.lastError,
      statusLabel: MAIL_STATUS_LABELS[mail.status],
      deliveryEvents: mail.deliveryEvents.map((e) => ({
        at: formatLongDateTime(e.occurredAt),
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

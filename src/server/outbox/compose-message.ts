import 'server-only';
import { escapeHtml } from '@/shared/html';
import type Mail from 'nodemailer/lib/mailer';
import type { Sender } from '@/server/mail/sender';
import { SECRET_PLACEHOLDER } from '@/server/mail/templates';

export type ComposableMail = {
  toAddress: string;
  toName: string | null;
  subject: string;
  html: string;
  text: string;
  messageId: string;
};

/**
 * The one message builder, shared by the dispatcher (with the real secret) and the preview (with the mask),
 * so that what staff check is what leaves. The stable Message-ID makes a resend after a crash recognisable.
 */
export function composeMessage(
  mail: ComposableMail,
  secret: string,
  from: string | Sender,
  date = new Date(),
): Mail.Options {
  return {
    ...(typeof from === 'string' ? { from } : { from: from.from, ...(from.replyTo && { replyTo: from.replyTo }) }),
    to: { name: mail.toName ?? '', address: mail.toAddress },
    subject: mail.subject,
    messageId: mail.messageId,
    date,
    html: mail.html.split(SECRET_PLACEHOLDER).join(escapeHtml(secret)),
    text: mail.text.split(SECRET_PLACEHOLDER).join(secret),
    headers: {
      'Auto-Submitted': 'auto-generated',
      // Echoed by the relays' webhooks (Brevo: X-Mailin-custom, Mailjet: CustomID): how an event finds its mail
      // when the relay rewrites the Message-ID (docs/decisions/022).
      'X-Mailin-custom': mail.messageId.replace(/^<|>$/g, ''),
      'X-MJ-CustomID': mail.messageId.replace(/^<|>$/g, ''),
    },
  };
}

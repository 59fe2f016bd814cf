import 'server-only';
import { createHash } from 'node:crypto';
import { simpleParser, type Attachment } from 'mailparser';
import type { DeliveryEventKind } from '@/generated/prisma/enums';
import { normalizeMessageId, type DeliveryEventInput } from './record-delivery-event';

// Bounce messages as mail servers write them: RFC 3464 delivery status notifications (multipart/report;
// report-type=delivery-status), and RFC 5965 abuse reports (report-type=feedback-report) for spam complaints.
// The original mail is found by the Message-ID quoted in the returned headers (ours are stable: enqueue-mail.ts).

const digest = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');

/** "Name: value" fields of one block, continuation lines unfolded, names lower-cased. */
function fields(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) map.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return map;
}

/** "rfc822; someone@example.fr" → "someone@example.fr"; "smtp; 550 5.1.1 …" → "550 5.1.1 …". */
const afterType = (value: string | undefined) => (value ? value.replace(/^[\w-]+\s*;\s*/, '') : null);

function kindOf(action: string, status: string | null): DeliveryEventKind | null {
  switch (action.toLowerCase()) {
    case 'failed':
      if (status?.startsWith('4.')) return 'SOFT_BOUNCE';
      return status?.startsWith('5.7.') ? 'BLOCKED' : 'HARD_BOUNCE';
    case 'delayed':
      return 'DEFERRED';
    case 'delivered':
    case 'relayed':
    case 'expanded':
      return 'DELIVERED';
    default:
      return null;
  }
}

const dateOf = (value: string | undefined | null) => {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

function originalMessageId(parts: Attachment[]): string | null {
  for (const part of parts) {
    if (part.contentType !== 'text/rfc822-headers' && part.contentType !== 'message/rfc822') continue;
    const text = part.content.toString('utf8');
    const end = text.search(/\r?\n\r?\n/);
    const head = end > 0 ? text.slice(0, end) : text;
    const found = /^Message-ID:\s*(<[^>\s]+>)/im.exec(head.replace(/\r?\n[ \t]+/g, ' '));
    const id = normalizeMessageId(found?.[1]);
    if (id) return id;
  }
  return null;
}

/**
 * The delivery events one message of the bounce mailbox holds: one per recipient of a DSN, or a complaint for an
 * abuse report; none for anything else (an out-of-office reply, spam), which the caller simply marks as read.
 */
export async function readBounceMessage(raw: Buffer): Promise<DeliveryEventInput[]> {
  const mail = await simpleParser(raw, { keepDeliveryStatus: true, skipHtmlToText: true, skipTextToHtml: true });
  const type = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (type?.value?.toLowerCase() !== 'multipart/report') return [];
  const reportType = type.params?.['report-type']?.toLowerCase();
  const messageRef = originalMessageId(mail.attachments);
  if (!messageRef) return [];
  const reportId = mail.messageId ?? digest(raw);
  const sentAt = mail.date ?? new Date();

  if (reportType === 'feedback-report') {
    const report = mail.attachments.find((a) => a.contentType === 'message/feedback-report');
    const feedback = report ? fields(report.content.toString('utf8')) : new Map<string, string>();
    return [
      {
        source: 'dsn',
        externalId: digest(`${reportId}\u0000complaint`),
        kind: 'COMPLAINED',
        messageRef,
        recipient: afterType(feedback.get('original-rcpt-to')) ?? null,
        smtpStatus: null,
        reason: feedback.get('feedback-type') ?? 'abuse',
        occurredAt: dateOf(feedback.get('arrival-date')) ?? sentAt,
      },
    ];
  }
  if (reportType !== 'delivery-status') return [];
  const status = mail.attachments.find(
    (a) => a.contentType === 'message/delivery-status' || a.contentType === 'message/global-delivery-status',
  );
  if (!status) return [];
  const [, ...perRecipient] = status.content
    .toString('utf8')
    .split(/\r?\n\s*\r?\n/)
    .filter((b) => b.trim())
    .map(fields);
  const events: DeliveryEventInput[] = [];
  for (const recipient of perRecipient) {
    const address = afterType(recipient.get('final-recipient') ?? recipient.get('original-recipient'));
    const smtpStatus = /^\d\.\d{1,3}\.\d{1,3}/.exec(recipient.get('status') ?? '')?.[0] ?? null;
    const kind = kindOf(recipient.get('action') ?? '', smtpStatus);
    if (!address || !kind) continue;
    events.push({
      source: 'dsn',
      externalId: digest(`${reportId}\u0000${address.toLowerCase()}\u0000${kind}`),
      kind,
      messageRef,
      recipient: address,
      smtpStatus,
      reason: afterType(recipient.get('diagnostic-code')),
      // When the reporting server gave up (or delivered), else when it wrote the report.
      occurredAt: dateOf(recipient.get('last-attempt-date')) ?? sentAt,
    });
  }
  return events;
}

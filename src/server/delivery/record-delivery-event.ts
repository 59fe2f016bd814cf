import 'server-only';
import type { DeliveryEventKind, MailStatus } from '@/generated/prisma/enums';
import { recordEvent } from '@/server/journal/record-event';
import { db } from '@/server/db';
import { isFinalDeliveryKind } from '@/shared/outbox/delivery-labels';
import { lockMailByMessageId } from './delivery.sql';

export type DeliverySource = 'brevo' | 'mailjet' | 'dsn';

/** One event as a provider or a DSN told it, before it is matched to a mail. */
export type DeliveryEventInput = {
  source: DeliverySource;
  /** The provider's id for this event, or a digest of what identifies it (decision 022). */
  externalId: string;
  kind: DeliveryEventKind;
  /** Our Message-ID (with or without angle brackets), as the relay echoes it or the DSN quotes it. */
  messageRef: string;
  recipient: string | null;
  smtpStatus: string | null;
  reason: string | null;
  occurredAt: Date;
};

export type DeliveryOutcome = 'recorded' | 'duplicate' | 'unknown_mail';

/**
 * Ordering of two events of the same instant: a complaint comes after the delivery it complains about, a bounce
 * after a "delivered" some relays send for the hop to the recipient's server.
 */
const RANK: Record<DeliveryEventKind, number> = {
  DEFERRED: 0,
  SOFT_BOUNCE: 0,
  DELIVERED: 1,
  HARD_BOUNCE: 2,
  BLOCKED: 2,
  COMPLAINED: 3,
};

/** What a final event makes of a mail that has left. */
const STATUS_OF: Partial<Record<DeliveryEventKind, MailStatus>> = {
  DELIVERED: 'SENT',
  HARD_BOUNCE: 'BOUNCED',
  BLOCKED: 'BOUNCED',
  COMPLAINED: 'COMPLAINED',
};

/** "5.1.1" from "550-5.1.1 The email account that you tried to reach does not exist", else null. */
export function smtpStatusOf(text: string | null | undefined): string | null {
  return /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(text ?? '')?.[1] ?? null;
}

/** "<id@host>" for "id@host", " <id@host> " and "<id@host>"; null for anything else. */
export function normalizeMessageId(ref: string | null | undefined): string | null {
  const bare = (ref ?? '').trim().replace(/^<|>$/g, '');
  return bare && bare.length <= 250 && /^[^\s<>]+@[^\s<>]+$/.test(bare) ? `<${bare}>` : null;
}

function detailOf(event: Pick<DeliveryEventInput, 'smtpStatus' | 'reason'>): string | null {
  const reason = event.reason?.replace(/\s+/g, ' ').trim() ?? '';
  const text = event.smtpStatus && !reason.includes(event.smtpStatus) ? `${event.smtpStatus} ${reason}` : reason;
  return text.trim().slice(0, 500) || null;
}

/**
 * Attaches one delivery event to its mail, once: a replay of the same (source, externalId) changes nothing. The
 * mail's shown state moves only forward in time: a final event (delivered, bounce, block, complaint) replaces an
 * older state, never a newer final one; a deferral or soft bounce shows only while nothing final is known. A hard
 * bounce to the tiers' current address marks that address "invalide". Mails still being sent keep their status;
 * the dispatcher reads the final state when it records the send.
 */
export async function recordDeliveryEvent(event: DeliveryEventInput): Promise<DeliveryOutcome> {
  const messageId = normalizeMessageId(event.messageRef);
  if (!messageId) return 'unknown_mail';
  return db.$transaction(async (tx) => {
    const mail = await lockMailByMessageId(tx, messageId);
    if (!mail) return 'unknown_mail';
    const detail = detailOf(event);
    const { count } = await tx.deliveryEvent.createMany({
      data: [
        {
          source: event.source,
          externalId: event.externalId.slice(0, 200),
          kind: event.kind,
          outboxMailId: mail.id,
          recipient: event.recipient?.slice(0, 320) ?? null,
          smtpStatus: event.smtpStatus,
          reason: event.reason?.slice(0, 1000) ?? null,
          occurredAt: event.occurredAt,
        },
      ],
      skipDuplicates: true,
    });
    if (!count) return 'duplicate';

    const final = isFinalDeliveryKind(event.kind);
    const currentFinal = mail.deliveryKind !== null && isFinalDeliveryKind(mail.deliveryKind);
    const newer =
      !mail.deliveryAt ||
      mail.deliveryAt < event.occurredAt ||
      (mail.deliveryAt.getTime() === event.occurredAt.getTime() && RANK[mail.deliveryKind!] <= RANK[event.kind]);
    const applies = final ? !currentFinal || newer : !currentFinal && newer;
    if (!applies) return 'recorded';

    const left = mail.status === 'SENT' || mail.status === 'BOUNCED' || mail.status === 'COMPLAINED';
    await tx.outboxMail.update({
      where: { id: mail.id },
      data: {
        deliveryKind: event.kind,
        deliveryAt: event.occurredAt,
        deliveryDetail: detail,
        ...(final && left ? { status: STATUS_OF[event.kind] } : {}),
      },
    });
    if (event.kind === 'DELIVERED' || !final) return 'recorded';

    const recipient = (event.recipient ?? mail.toAddress).trim().toLowerCase();
    let addressMarkedInvalid = false;
    if (event.kind === 'HARD_BOUNCE' && mail.tiersId) {
      const { count: marked } = await tx.tiers.updateMany({
        where: { id: mail.tiersId, email: { equals: recipient, mode: 'insensitive' } },
        data: { emailInvalidAddress: recipient, emailInvalidAt: event.occurredAt, emailInvalidReason: detail },
      });
      addressMarkedInvalid = marked > 0;
    }
    await recordEvent(
      tx,
      { type: 'SYSTEM' },
      {
        type: event.kind === 'COMPLAINED' ? 'mail.complained' : 'mail.bounced',
        tiersId: mail.tiersId,
        targetId: mail.id,
        details: {
          source: event.source,
          kind: event.kind,
          recipient,
          smtpStatus: event.smtpStatus,
          reason: detail,
          addressMarkedInvalid,
        },
      },
    );
    return 'recorded';
  });
}

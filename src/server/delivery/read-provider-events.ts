import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DeliveryEventKind } from '@/generated/prisma/enums';
import { smtpStatusOf, type DeliveryEventInput } from './record-delivery-event';

// The relays' documented webhook payloads, read into DeliveryEventInput (docs/decisions/022). Neither relay gives an
// event an id of its own, so an event's id is a digest of what identifies it: the same event posted again (a retry,
// a replay) has the same id and is recorded once. Events that say nothing about delivery (opened, click, unsub…)
// are ignored.

const digest = (...parts: (string | number | null | undefined)[]) =>
  createHash('sha256')
    .update(parts.map((p) => String(p ?? '')).join('\u0000'))
    .digest('hex');

const text = z.string().trim().max(5000).nullish();
/** Unix seconds up to 2100: anything else is not a date a relay sends (and would not fit a timestamp column). */
const seconds = z.coerce.number().int().positive().max(4_102_444_800);
const fromSeconds = (s: number) => new Date(s * 1000);

/** Brevo transactional webhook: one event per POST, or an array when the webhook is batched. */
const ZBrevoEvent = z.object({
  event: z.string().min(1).max(50),
  email: text,
  'message-id': text,
  'X-Mailin-custom': text,
  reason: text,
  ts_event: seconds.optional(),
  ts_epoch: z.coerce.number().int().positive().max(4_102_444_800_000).optional(),
  ts: seconds.optional(),
});

const BREVO_KINDS: Record<string, DeliveryEventKind> = {
  delivered: 'DELIVERED',
  deferred: 'DEFERRED',
  soft_bounce: 'SOFT_BOUNCE',
  hard_bounce: 'HARD_BOUNCE',
  invalid_email: 'HARD_BOUNCE',
  blocked: 'BLOCKED',
  spam: 'COMPLAINED',
  complaint: 'COMPLAINED',
};

function fromBrevo(e: z.output<typeof ZBrevoEvent>): DeliveryEventInput | null {
  const kind = BREVO_KINDS[e.event];
  const messageRef = e['X-Mailin-custom'] || e['message-id'];
  if (!kind || !messageRef) return null;
  const occurredAt = e.ts_epoch
    ? new Date(e.ts_epoch)
    : fromSeconds(e.ts_event ?? e.ts ?? Math.floor(Date.now() / 1000));
  return {
    source: 'brevo',
    externalId: digest(e.event, messageRef, e['message-id'], e.email, e.ts_epoch ?? e.ts_event ?? e.ts),
    kind,
    messageRef,
    recipient: e.email ?? null,
    smtpStatus: smtpStatusOf(e.reason),
    reason: e.reason ?? null,
    occurredAt,
  };
}

/** Mailjet event API: one event per POST, or an array ("grouped" events). */
const ZMailjetEvent = z.object({
  event: z.string().min(1).max(50),
  time: seconds,
  MessageID: z.union([z.number(), z.string()]).nullish(),
  Message_GUID: text,
  mj_message_id: z.union([z.number(), z.string()]).nullish(),
  email: text,
  CustomID: text,
  hard_bounce: z.boolean().nullish(),
  error_related_to: text,
  error: text,
  comment: text,
  smtp_reply: text,
  source: text,
});

const MAILJET_KINDS: Record<string, DeliveryEventKind | ((e: z.output<typeof ZMailjetEvent>) => DeliveryEventKind)> = {
  sent: 'DELIVERED',
  bounce: (e) => (e.hard_bounce ? 'HARD_BOUNCE' : 'SOFT_BOUNCE'),
  blocked: 'BLOCKED',
  spam: 'COMPLAINED',
};

function fromMailjet(e: z.output<typeof ZMailjetEvent>): DeliveryEventInput | null {
  const rule = MAILJET_KINDS[e.event];
  if (!rule || !e.CustomID) return null;
  const kind = typeof rule === 'function' ? rule(e) : rule;
  const reason =
    [e.error_related_to, e.error, e.comment, kind === 'COMPLAINED' ? e.source : null].filter(Boolean).join(' – ') ||
    null;
  return {
    source: 'mailjet',
    externalId: digest(e.event, e.CustomID, e.Message_GUID ?? e.MessageID ?? e.mj_message_id, e.email, e.time),
    kind,
    messageRef: e.CustomID,
    recipient: e.email ?? null,
    smtpStatus: smtpStatusOf(e.comment) ?? smtpStatusOf(e.smtp_reply),
    reason: kind === 'DELIVERED' ? (e.smtp_reply ?? null) : reason,
    occurredAt: fromSeconds(e.time),
  };
}

export type ParsedEvents = { events: DeliveryEventInput[]; ignored: number };

const PROVIDERS = {
  brevo: { schema: ZBrevoEvent, read: fromBrevo },
  mailjet: { schema: ZMailjetEvent, read: fromMailjet },
} as const;

export type Provider = keyof typeof PROVIDERS;

export class PayloadError extends Error {}

/**
 * A POSTed body (already JSON-parsed) → the events to record. Throws PayloadError (a short French reason) when the
 * body holds no event of the provider's shape at all; unknown event types and elements of an array that cannot be
 * read are counted as ignored.
 */
export function readProviderEvents(provider: Provider, body: unknown): ParsedEvents {
  const { schema, read } = PROVIDERS[provider];
  const items = Array.isArray(body) ? body : [body];
  if (!items.length || items.length > 10_000) throw new PayloadError('Envoyez un événement ou une liste d’événements.');
  const events: DeliveryEventInput[] = [];
  let ignored = 0;
  let readable = 0;
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      ignored++;
      continue;
    }
    readable++;
    const event = (read as (e: typeof parsed.data) => DeliveryEventInput | null)(parsed.data);
    if (event) events.push(event);
    else ignored++;
  }
  if (!readable)
    throw new PayloadError(
      provider === 'brevo'
        ? 'Événement Brevo illisible : « event » et « message-id » sont attendus.'
        : 'Événement Mailjet illisible : « event » et « time » sont attendus.',
    );
  return { events, ignored };
}

import type { MailChannel, MailStatus, MailType } from '@/generated/prisma/enums';

// The loupe's content, built on the server (src/server/outbox/preview-mail.ts) and shown by the centre d'envoi.

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

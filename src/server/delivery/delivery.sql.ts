import 'server-only';
import type { DeliveryEventKind, MailStatus } from '@/generated/prisma/enums';
import type { Tx } from '@/server/db';

// The raw SQL of the delivery events (docs/architecture.md: one `*.sql.ts` per domain).

export type MailForDelivery = {
  id: string;
  status: MailStatus;
  tiersId: string | null;
  toAddress: string;
  deliveryKind: DeliveryEventKind | null;
  deliveryAt: Date | null;
};

/** The mail of a Message-ID, its row locked until the caller's transaction ends (events of one mail in turn). */
export async function lockMailByMessageId(tx: Tx, messageId: string): Promise<MailForDelivery | undefined> {
  const [mail] = await tx.$queryRaw<MailForDelivery[]>`
    SELECT id, status, "tiersId", "toAddress", "deliveryKind", "deliveryAt"
    FROM "OutboxMail" WHERE "messageId" = ${messageId} FOR UPDATE`;
  return mail;
}

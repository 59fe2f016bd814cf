-- docs/decisions/022: delivery events from the relay's webhooks (Brevo, Mailjet) and from DSNs read over IMAP.
ALTER TYPE "MailStatus" ADD VALUE 'BOUNCED';
ALTER TYPE "MailStatus" ADD VALUE 'COMPLAINED';

CREATE TYPE "DeliveryEventKind" AS ENUM ('DELIVERED', 'DEFERRED', 'SOFT_BOUNCE', 'HARD_BOUNCE', 'BLOCKED', 'COMPLAINED');

ALTER TABLE "OutboxMail" ADD COLUMN "deliveryKind" "DeliveryEventKind",
  ADD COLUMN "deliveryAt" TIMESTAMP(3),
  ADD COLUMN "deliveryDetail" TEXT;

ALTER TABLE "Tiers" ADD COLUMN "emailInvalidAddress" TEXT,
  ADD COLUMN "emailInvalidAt" TIMESTAMP(3),
  ADD COLUMN "emailInvalidReason" TEXT;
-- The address check (decision 023) looks up a batch of addresses among the bounced ones.
CREATE INDEX "Tiers_emailInvalidAddress_idx" ON "Tiers"("emailInvalidAddress");

CREATE TABLE "DeliveryEvent" (
  "id" TEXT NOT NULL,
  "source" TEXT NOT NULL,
  "externalId" TEXT NOT NULL,
  "kind" "DeliveryEventKind" NOT NULL,
  "outboxMailId" TEXT NOT NULL,
  "recipient" TEXT,
  "smtpStatus" TEXT,
  "reason" TEXT,
  "occurredAt" TIMESTAMP(3) NOT NULL,
  "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "DeliveryEvent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DeliveryEvent_source_externalId_key" ON "DeliveryEvent"("source", "externalId");
CREATE INDEX "DeliveryEvent_outboxMailId_occurredAt_idx" ON "DeliveryEvent"("outboxMailId", "occurredAt");
ALTER TABLE "DeliveryEvent" ADD CONSTRAINT "DeliveryEvent_outboxMailId_fkey" FOREIGN KEY ("outboxMailId")
  REFERENCES "OutboxMail"("id") ON DELETE CASCADE ON UPDATE CASCADE;

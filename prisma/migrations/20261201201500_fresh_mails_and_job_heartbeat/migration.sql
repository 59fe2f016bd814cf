-- Credential mails remember the credential version they were made for (the dispatcher re-checks it at send time),
-- and a timeout after the whole message was sent marks the mail "Peut-être déjà remis".
ALTER TABLE "OutboxMail" ADD COLUMN "credentialVersion" INTEGER,
ADD COLUMN "maybeDelivered" BOOLEAN NOT NULL DEFAULT false;

-- Unsent credential mails written before this migration: the account's version now is the best guess.
UPDATE "OutboxMail" AS m SET "credentialVersion" = a."credentialVersion"
FROM "ExtranetAccount" AS a
WHERE m."accountId" = a.id AND m.type IN ('CREDENTIALS', 'ACTIVATION_LINK')
  AND m.status IN ('PENDING_REVIEW', 'SENDING', 'FAILED');

-- Jobs carry a heartbeat (a RUNNING job without a recent one is interrupted) and what they need to run again.
ALTER TABLE "BulkJob" ADD COLUMN "input" JSONB,
ADD COLUMN "heartbeatAt" TIMESTAMP(3);

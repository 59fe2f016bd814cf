-- "Mes coordonnées": a new e-mail address waits on a confirmation link (a verification of its own type, holding the
-- address) and both the old and the new address receive a mail of their own type.
ALTER TYPE "VerificationType" ADD VALUE 'EMAIL_CHANGE';
ALTER TABLE "Verification" ADD COLUMN "email" TEXT;

ALTER TYPE "MailType" ADD VALUE 'EMAIL_CHANGE_NOTICE';
ALTER TYPE "MailType" ADD VALUE 'EMAIL_CHANGE_CONFIRM';

-- "Mot de passe oublié" requests, written the same way for any entry and worked off the request path.
CREATE TABLE "ResetRequest" (
    "id" TEXT NOT NULL,
    "entry" TEXT NOT NULL,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResetRequest_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ResetRequest_createdAt_idx" ON "ResetRequest"("createdAt");

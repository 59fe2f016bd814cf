-- One session model for staff and extranet (docs/decisions/036): a row per signed-in device whose cookie token is
-- stored hashed. Extranet sessions opened before this migration end (their cookies carried the old token format).
DROP TABLE "ExtranetSession";

CREATE TYPE "SessionAudience" AS ENUM ('STAFF', 'EXTRANET');

CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "audience" "SessionAudience" NOT NULL,
    "staffId" TEXT,
    "accountId" TEXT,
    "credentialVersion" INTEGER NOT NULL,
    "remember" BOOLEAN NOT NULL DEFAULT false,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idleExpiresAt" TIMESTAMP(3) NOT NULL,
    "absoluteExpiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");
CREATE INDEX "Session_accountId_revokedAt_idx" ON "Session"("accountId", "revokedAt");
CREATE INDEX "Session_staffId_revokedAt_idx" ON "Session"("staffId", "revokedAt");
ALTER TABLE "Session" ADD CONSTRAINT "Session_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Session" ADD CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ExtranetAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Staff sign-in throttled like the extranet's (counted on the person's row), and invitations.
ALTER TABLE "StaffUser" ADD COLUMN "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "lockedUntil" TIMESTAMP(3),
ADD COLUMN "invitedAt" TIMESTAMP(3);

CREATE TABLE "StaffToken" (
    "id" TEXT NOT NULL,
    "type" "VerificationType" NOT NULL,
    "staffId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StaffToken_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "StaffToken_tokenHash_key" ON "StaffToken"("tokenHash");
CREATE UNIQUE INDEX "StaffToken_type_staffId_key" ON "StaffToken"("type", "staffId");
ALTER TABLE "StaffToken" ADD CONSTRAINT "StaffToken_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Staff attempts are recorded too; what was typed is kept only when it looks like an identifiant or an e-mail.
ALTER TABLE "LoginAttempt" ALTER COLUMN "loginInput" DROP NOT NULL,
ADD COLUMN "staffId" TEXT;
CREATE INDEX "LoginAttempt_staffId_createdAt_idx" ON "LoginAttempt"("staffId", "createdAt");
ALTER TABLE "LoginAttempt" ADD CONSTRAINT "LoginAttempt_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- Earlier attempts may hold a password typed into the Identifiant field: keep only identifiant- or e-mail-shaped text.
UPDATE "LoginAttempt" SET "loginInput" = NULL
WHERE "loginInput" !~ '^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]{3,5}$' AND "loginInput" !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$';

-- Throttle keys are hashed from now on: the old clear-text keys are dropped (their counts restart).
DELETE FROM "ThrottleBucket";

-- Session lifetimes, set by ADMIN in Paramètres.
ALTER TABLE "AgencySettings" ADD COLUMN "staffIdleMinutes" INTEGER NOT NULL DEFAULT 120,
ADD COLUMN "staffAbsoluteHours" INTEGER NOT NULL DEFAULT 12,
ADD COLUMN "extranetIdleMinutes" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN "extranetRememberDays" INTEGER NOT NULL DEFAULT 30;

-- Mails to staff members (invitation, reset link, lock notice).
ALTER TYPE "MailType" ADD VALUE 'STAFF_NOTICE';

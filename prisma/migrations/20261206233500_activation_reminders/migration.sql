-- Activation funnel and reminders (issue 15, item 4; docs/decisions/027): a reminder mail to people who were sent
-- credentials and never signed in, by hand ("Relancer") or queued automatically N days before their temporary
-- password expires (ADMIN setting; off while NULL), to review first or sent directly.
ALTER TYPE "MailType" ADD VALUE 'REMINDER';

ALTER TABLE "AgencySettings"
ADD COLUMN "reminderDaysBeforeExpiry" INTEGER,
ADD COLUMN "reminderReview" BOOLEAN NOT NULL DEFAULT true;

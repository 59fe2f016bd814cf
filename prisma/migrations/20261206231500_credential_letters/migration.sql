-- "La lettre d'identifiants" (issue 15, item 3; docs/decisions/025): credentials printed on an A4 letter instead of
-- mailed. A letter is an OutboxMail row on the LETTER channel: it waits "À imprimer", is printed once ("Imprimé"),
-- and its secret is wiped in the same transaction as the print. The letter's layout (letterhead, window-envelope
-- address block, paragraphs with the secret's placeholder) is kept as JSON, so the loupe and the PDF show the same.
ALTER TYPE "MailStatus" ADD VALUE 'TO_PRINT';
ALTER TYPE "MailStatus" ADD VALUE 'PRINTED';

CREATE TYPE "MailChannel" AS ENUM ('EMAIL', 'LETTER');

ALTER TABLE "OutboxMail"
ADD COLUMN "channel" "MailChannel" NOT NULL DEFAULT 'EMAIL',
ADD COLUMN "letter" JSONB;

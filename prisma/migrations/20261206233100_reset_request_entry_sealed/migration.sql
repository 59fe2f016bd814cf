-- "Mot de passe oublié": what was typed waits for the worker sealed (AES-256-GCM with the outbox key), never in clear
-- (docs/decisions/044). SQL cannot seal the rows still waiting (a second old at most, typed before the upgrade): they
-- are dropped, and the person asks again.
DELETE FROM "ResetRequest";
ALTER TABLE "ResetRequest" DROP COLUMN "entry";
ALTER TABLE "ResetRequest" ADD COLUMN "entrySealed" BYTEA NOT NULL;

-- Search as people type (docs/decisions/014): every word of the query, in any order, is a substring of the tiers'
-- "searchText" (names, e-mail, phone, reference, city, lower-case without accents), found through a pg_trgm index.
-- A trigger keeps the column up to date whoever writes the row (the app, the import, a script), and unaccent(),
-- which is not IMMUTABLE, is called only there: the index is on a plain column.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

ALTER TABLE "Tiers" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';

CREATE FUNCTION tiers_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := lower(unaccent(concat_ws(' ',
    NEW."firstName", NEW."lastName", NEW."companyName", NEW.email,
    NEW.phone, regexp_replace(NEW.phone, '\D', '', 'g'), NEW."externalRef", NEW.city)));
  RETURN NEW;
END
$$;

CREATE TRIGGER "Tiers_searchText" BEFORE INSERT OR UPDATE ON "Tiers"
  FOR EACH ROW EXECUTE FUNCTION tiers_search_text();

-- Fires the trigger on every existing row.
UPDATE "Tiers" SET "searchText" = '';

CREATE INDEX "Tiers_searchText_idx" ON "Tiers" USING GIN ("searchText" gin_trgm_ops);
CREATE INDEX "ExtranetAccount_login_trgm_idx" ON "ExtranetAccount" USING GIN ("login" gin_trgm_ops);

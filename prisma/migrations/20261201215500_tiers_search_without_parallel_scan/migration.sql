-- docs/decisions/014: pg_trgm's GIN estimates are pessimistic, and on a table of ~100,000 tiers PostgreSQL preferred
-- a parallel sequential scan (two LIKEs on every row, 80-90 ms measured) to the trigram index (a few ms) for a
-- search like "chloé andré". Without parallel workers for this table, the index wins again; the lists that order
-- by name read btree indexes and are not affected.
ALTER TABLE "Tiers" SET (parallel_workers = 0);

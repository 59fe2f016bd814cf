import 'server-only';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/** A PGlite with the contrib extensions the migrations create (the PostgreSQL server has them in postgresql-contrib). */
export function newPGlite(dataDir: string): PGlite {
  return new PGlite(dataDir, { extensions: { pg_trgm, unaccent } });
}

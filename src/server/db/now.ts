import { Prisma } from '@/generated/prisma/client';

// "Now" in raw SQL, as Prisma stores DateTime: UTC in a `timestamp` column, whatever the server's or the session's
// time zone. The one spelling for every hand-written statement: DB_NOW in SQL text, DB_NOW_SQL inside Prisma's
// tagged templates.
export const DB_NOW = `(now() AT TIME ZONE 'UTC')`;
export const DB_NOW_SQL = Prisma.raw(DB_NOW);

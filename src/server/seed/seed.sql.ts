import 'server-only';
import { Prisma, type PrismaClient } from '@/generated/prisma/client';

// The raw SQL of the seed (docs/architecture.md: one `*.sql.ts` per domain).

/** Empties every table of the schema but the migrations' own, in one TRUNCATE … CASCADE. */
export async function truncateAllTables(prisma: PrismaClient): Promise<void> {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length)
    await prisma.$executeRaw`TRUNCATE ${Prisma.raw(tables.map((t) => `"${t.tablename}"`).join(', '))} CASCADE`;
}

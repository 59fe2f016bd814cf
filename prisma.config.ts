import { defineConfig } from 'prisma/config';

// Prisma 7 reads the connection from here, not from schema.prisma. Only the CLI uses it
// (`prisma studio`, or `prisma migrate deploy` on a machine that can run Prisma's schema engine);
// the app builds its client in src/server/db/client.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/trousseau' },
});

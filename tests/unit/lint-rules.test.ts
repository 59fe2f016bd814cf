import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The house rules of eslint.config.mjs that keep the code's shape (docs/architecture.md, decision 048): raw SQL only
// in `*.sql.ts` files (or src/server/db), and the floors' arrows pointing down. Each is shown failing on a snippet.

let eslint: ESLint;

beforeAll(() => {
  const root = path.resolve(__dirname, '../..');
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
});

/** The rules a snippet breaks, as if it were the file at `filePath`. */
async function broken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? '');
}

describe('raw SQL', () => {
  const tagged = "import { db } from '@/server/db';\nexport const f = () => db.$queryRaw`SELECT 1`;\n";

  it('is an error in a domain file, not in its *.sql.ts file nor under src/server/db', async () => {
    expect(await broken('src/server/access/count-things.ts', tagged)).toEqual(['no-restricted-syntax']);
    expect(await broken('src/server/access/access.sql.ts', tagged)).toEqual([]);
    expect(await broken('src/server/db/ping-twice.ts', tagged)).toEqual([]);
  });

  it("catches each raw API: $executeRaw, the *Unsafe variants, Prisma.sql and Prisma.raw, the engine's query()", async () => {
    const snippets = [
      "import type { Tx } from '@/server/db';\nexport const f = (tx: Tx) => tx.$executeRaw`DELETE FROM x`;\n",
      "import { db } from '@/server/db';\nexport const f = () => db.$queryRawUnsafe('SELECT 1');\n",
      "import { db } from '@/server/db';\nexport const f = () => db.$executeRawUnsafe('SELECT 1');\n",
      "import { Prisma } from '@/generated/prisma/client';\nexport const f = Prisma.sql`AND 1 = 1`;\n",
      "import { Prisma } from '@/generated/prisma/client';\nexport const f = Prisma.raw('ASC');\n",
      "import { query } from '@/server/db';\nexport const f = () => query('SELECT 1', []);\n",
    ];
    for (const code of snippets) {
      expect(await broken('src/server/outbox/send-things.ts', code), code).toContain('no-restricted-syntax');
      expect(await broken('src/server/outbox/outbox.sql.ts', code), code).toEqual([]);
    }
  });
});

describe('the floors', () => {
  it('src/shared imports nothing of src/server nor src/app', async () => {
    const code = "import { x } from '@/server/x';\nexport const y = x;\n";
    expect(await broken('src/shared/format-thing.ts', code)).toEqual(['no-restricted-imports']);
    const route = "import { x } from '@/app/gestion/x';\nexport const y = x;\n";
    expect(await broken('src/shared/format-thing.ts', route)).toEqual(['no-restricted-imports']);
  });

  it('a lower floor imports no domain; a domain may import a lower floor', async () => {
    const code = "import { y } from '@/server/tiers/y';\nexport const z = y;\n";
    expect(await broken('src/server/session/x.ts', code)).toEqual(['no-restricted-imports']);
    expect(await broken('src/server/auth/x.ts', "import { y } from '../tiers/y';\nexport const z = y;\n")).toEqual([
      'no-restricted-imports',
    ]);
    const down = "import { y } from '@/server/session/y';\nexport const z = y;\n";
    expect(await broken('src/server/tiers/x.ts', down)).toEqual([]);
  });

  it("the journal's writing side is a lower floor, its reading side a use case", async () => {
    const code = "import { y } from '@/server/tiers/y';\nexport const z = y;\n";
    expect(await broken('src/server/journal/record-event.ts', code)).toEqual(['no-restricted-imports']);
    expect(await broken('src/server/journal/events.ts', code)).toEqual(['no-restricted-imports']);
    expect(await broken('src/server/journal/list-events.ts', code)).toEqual([]);
  });

  it('nothing under src/server imports a route', async () => {
    const code = "import { x } from '@/app/gestion/x';\nexport const y = x;\n";
    expect(await broken('src/server/tiers/x.ts', code)).toEqual(['no-restricted-imports']);
    expect(await broken('src/server/http/x.ts', code)).toEqual(['no-restricted-imports']);
  });
});

// COPY inside a Prisma interactive transaction (src/server/db/copy-in.ts): the import's creations go through it, on
// both engines. The rows are the transaction's: seen by its Prisma statements, gone when it rolls back.
import { expect, it } from 'vitest';
import { db } from '@/server/db';
import { withCopy } from '@/server/db/copy-in';
import { bulkInsert } from '@/server/import/import.sql';

const COLUMNS = [
  { name: 'id', type: 'text' },
  { name: 'kind', type: '"TiersKind"' },
  { name: 'lastName', type: 'text' },
  { name: 'firstName', type: 'text' },
  { name: 'sortName', type: 'text' },
  { name: 'email', type: 'text' },
  { name: 'externalRef', type: 'text' },
];

const row = (ref: string, lastName: string, firstName: string | null) => ({
  id: `copy-${ref}`,
  kind: 'LOCATAIRE',
  lastName,
  firstName,
  sortName: lastName.toLowerCase(),
  email: '',
  externalRef: ref,
});

it('a transaction opened under withCopy has a COPY on its own connection, rolled back with it', async () => {
  class Stop extends Error {}
  const seen = await withCopy((copy) =>
    db
      .$transaction(async (tx) => {
        expect(copy()).not.toBeNull();
        await bulkInsert(
          tx,
          'Tiers',
          COLUMNS,
          [row('C-1', 'D’Artagnan "le Gascon"', null), row('C-2', 'Œuvre;x', 'Zoé')],
          {
            timestamps: true,
            copy: copy(),
          },
        );
        const rows = await tx.tiers.findMany({
          where: { externalRef: { in: ['C-1', 'C-2'] } },
          select: { lastName: true, firstName: true, email: true, searchText: true, createdAt: true, updatedAt: true },
          orderBy: { externalRef: 'asc' },
        });
        throw Object.assign(new Stop(), { rows });
      })
      .catch((error: unknown) => {
        if (error instanceof Stop) return (error as Stop & { rows: unknown[] }).rows;
        throw error;
      }),
  );
  expect(seen).toMatchObject([
    { lastName: 'D’Artagnan "le Gascon"', firstName: null, email: '' },
    { lastName: 'Œuvre;x', firstName: 'Zoé', email: '' },
  ]);
  const [first] = seen as { searchText: string; createdAt: Date; updatedAt: Date }[];
  expect(first.searchText).toContain('artagnan'); // the search trigger ran, as for any insert
  expect(Math.abs(first.createdAt.getTime() - Date.now())).toBeLessThan(5 * 60_000); // UTC, as Prisma stores it
  expect(first.updatedAt).toEqual(first.createdAt);
  expect(await db.tiers.count({ where: { externalRef: { in: ['C-1', 'C-2'] } } })).toBe(0); // rolled back
});

it('a transaction opened without withCopy has no COPY, and bulkInsert writes by statements', async () => {
  await db.$transaction(async (tx) => {
    await bulkInsert(tx, 'Tiers', COLUMNS, [row('S-1', 'Sans copie', 'Léa')], { timestamps: true, copy: null });
  });
  expect(await withCopy(async (copy) => copy())).toBeNull(); // no transaction opened: nothing noted
  expect(await db.tiers.findUnique({ where: { externalRef: 'S-1' }, select: { firstName: true } })).toEqual({
    firstName: 'Léa',
  });
});

// Fails when the migrated database and prisma/schema.prisma disagree: tables, columns, types, nullability,
// defaults, unique constraints, indexes and foreign keys (Prisma cannot diff them here: docs/decisions/002).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEngine } from '@/server/db';
import { loadSchemaShape, type SchemaShape } from './expected-schema';

async function readDatabaseShape(): Promise<SchemaShape> {
  const conn = await getEngine().connect();
  try {
    const enums = await conn.query<{ name: string; value: string }>(`
      SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`);
    const columns = await conn.query<{
      table: string;
      name: string;
      type: string;
      nullable: boolean;
      default: string | null;
    }>(`
      SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
             pg_get_expr(d.adbin, d.adrelid) AS default
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname, a.attnum`);
    const indexes = await conn.query<{
      name: string;
      table: string;
      columns: string[];
      unique: boolean;
      primary: boolean;
    }>(`
      SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
             array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
      FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'`);
    const foreignKeys = await conn.query<{
      name: string;
      table: string;
      columns: string[];
      refTable: string;
      refColumns: string[];
      onDelete: string;
      onUpdate: string;
    }>(`
      SELECT con.conname AS name, t.relname AS table, r.relname AS "refTable",
             array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
             array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS "refColumns",
             CASE con.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END AS "onDelete",
             CASE con.confupdtype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END AS "onUpdate"
      FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace WHERE con.contype = 'f' AND n.nspname = current_schema()`);
    const shape: SchemaShape = {
      enums: {},
      tables: {},
      indexes: indexes.map((i) => ({ ...i, columns: [...i.columns] })),
      foreignKeys,
    };
    for (const e of enums) (shape.enums[e.name] ??= []).push(e.value);
    for (const { table, ...column } of columns) (shape.tables[table] ??= []).push(column);
    return shape;
  } finally {
    await conn.release();
  }
}

const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
const normalize = (s: SchemaShape) => ({
  enums: s.enums,
  tables: Object.fromEntries(
    Object.entries(s.tables)
      .sort()
      .map(([t, cols]) => [t, byName(cols)]),
  ),
  indexes: byName(s.indexes),
  foreignKeys: byName(s.foreignKeys),
});

describe('schema drift', () => {
  it('the migrated database matches prisma/schema.prisma', async () => {
    expect(normalize(await readDatabaseShape())).toEqual(normalize(loadSchemaShape()));
  });

  it('notices a column added to schema.prisma without a migration', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drift-'));
    const schema = readFileSync('prisma/schema.prisma', 'utf8').replace(
      'model Tiers {\n',
      'model Tiers {\n  nickname String?\n',
    );
    writeFileSync(path.join(dir, 'schema.prisma'), schema);
    expect(normalize(await readDatabaseShape())).not.toEqual(
      normalize(loadSchemaShape(path.join(dir, 'schema.prisma'))),
    );
  });

  it('notices an index, a default or a foreign-key rule that differs', async () => {
    const base = readFileSync('prisma/schema.prisma', 'utf8');
    const variants = [
      base.replace('  @@index([email])\n}', '  @@index([email])\n  @@index([city])\n}'),
      base.replace(
        'failedLoginCount       Int           @default(0)',
        'failedLoginCount       Int           @default(1)',
      ),
      base.replace(
        'user      StaffUser @relation(fields: [userId], references: [id], onDelete: Cascade)',
        'user      StaffUser @relation(fields: [userId], references: [id])',
      ),
    ];
    const actual = normalize(await readDatabaseShape());
    for (const variant of variants) {
      expect(variant).not.toBe(base);
      const dir = mkdtempSync(path.join(tmpdir(), 'drift-'));
      writeFileSync(path.join(dir, 'schema.prisma'), variant);
      expect(actual).not.toEqual(normalize(loadSchemaShape(path.join(dir, 'schema.prisma'))));
    }
  });
});

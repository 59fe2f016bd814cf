import { expect } from 'vitest';
import { getEngine } from '@/server/db';

/** Every text, JSON and bytea column of every table that contains `needle`, as "Table.column". */
export async function findEverywhere(needle: string): Promise<string[]> {
  const conn = await getEngine().connect();
  try {
    const columns = await conn.query<{ table: string; column: string; type: string }>(`
      SELECT table_name AS table, column_name AS column, data_type AS type FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY', 'USER-DEFINED')`);
    expect(columns.some((c) => c.table === 'OutboxMail' && c.column === 'secretCiphertext')).toBe(true);
    const hits: string[] = [];
    for (const { table, column, type } of columns) {
      const value = type === 'bytea' ? `"${column}"` : `convert_to("${column}"::text, 'UTF8')`;
      const [row] = await conn.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE position(convert_to($1, 'UTF8') in ${value}) > 0`,
        [needle],
      );
      if (row.n > 0) hits.push(`${table}.${column}`);
    }
    return hits;
  } finally {
    await conn.release();
  }
}

import 'server-only';
import { DB_NOW } from '@/server/db/now';
import { targetTypeOf, type EventType } from './events';
import type { Actor } from './record-event';

/** SQL expressions (the caller's placeholders) for the values of one journal row. */
export type EventValues = { actorId: string | null; tiersId: string; targetId: string; ip: string; details: string };

const literal = (value: string | null) => (value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`);

/**
 * The INSERT of one journal row, for a hot path that writes its change and its event in one statement and so one
 * round trip (the sign-in: `WITH … INSERT INTO "AuditEvent" …`). It writes the row recordEvent would: the type and
 * its target type from the catalogue, the actor in its column, the database's UTC now.
 */
export function insertEventSql(actorType: Actor['type'], type: EventType, values: EventValues): string {
  const actorColumn = actorType === 'STAFF' ? '"actorStaffId"' : actorType === 'EXTRANET' ? '"actorAccountId"' : null;
  const columns = ['"type"', '"actorType"', '"tiersId"', '"targetType"', '"targetId"', '"ip"', '"details"'];
  const row = [
    literal(type),
    literal(actorType),
    values.tiersId,
    literal(targetTypeOf(type)),
    values.targetId,
    values.ip,
    values.details,
  ];
  if (actorColumn && values.actorId) {
    columns.push(actorColumn);
    row.push(values.actorId);
  }
  return `INSERT INTO "AuditEvent" (${columns.join(', ')}, "createdAt") VALUES (${row.join(', ')}, ${DB_NOW})`;
}

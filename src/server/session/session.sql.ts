import 'server-only';
import { DB_NOW } from '@/server/db/now';
import { insertEventSql } from '@/server/journal/journal.sql';
import { lifetimeSql } from './lifetimes';
import type { Audience } from './throttle';

// $1 session id, $2 person, $3 tiers (extranet), $4 address bucket key, $5 ip, $6 user agent, $7 what was typed,
// $8 details, $9 the token's hash, $10 credential version, $11 "Rester connecté".
function openSessionSql(audience: Audience): string {
  const staff = audience === 'STAFF';
  const table = staff ? '"StaffUser"' : '"ExtranetAccount"';
  const personColumn = staff ? '"staffId"' : '"accountId"';
  const { idle, absolute } = lifetimeSql(audience, '$11::boolean');
  // The journal's row, written by the journal's own INSERT: one statement, one round trip for the whole sign-in.
  const event = insertEventSql(audience, staff ? 'staff.login' : 'extranet.login', {
    actorId: '$2',
    tiersId: '$3::text',
    targetId: '$1',
    ip: '$5',
    details: '$8::jsonb',
  });
  return `
  WITH person AS (
    UPDATE ${table} SET "failedLoginCount" = 0, "lockedUntil" = NULL, "lastLoginAt" = ${DB_NOW}, "updatedAt" = ${DB_NOW}
    WHERE "id" = $2
  ), address AS (
    UPDATE "ThrottleBucket" SET "failures" = GREATEST("failures" - 1, 0), "updatedAt" = ${DB_NOW} WHERE "key" = $4
  ), session AS (
    INSERT INTO "Session" ("id", "tokenHash", "audience", ${personColumn}, "credentialVersion", "remember", "ip", "userAgent",
                           "createdAt", "lastSeenAt", "idleExpiresAt", "absoluteExpiresAt")
    VALUES ($1, $9, '${audience}', $2, $10, $11, $5, $6, ${DB_NOW}, ${DB_NOW}, ${DB_NOW} + ${idle}, ${DB_NOW} + ${absolute})
  ), attempt AS (
    INSERT INTO "LoginAttempt" ("loginInput", ${personColumn}, "outcome", "ip", "userAgent", "createdAt")
    VALUES ($7, $2, 'SUCCESS', $5, $6, ${DB_NOW})
  )
  ${event}`;
}

/** A successful sign-in in one statement: the person's counters, the address's bucket, the session, the attempt, the journal. */
export const OPEN_SESSION_SQL: Record<Audience, string> = {
  EXTRANET: openSessionSql('EXTRANET'),
  STAFF: openSessionSql('STAFF'),
};

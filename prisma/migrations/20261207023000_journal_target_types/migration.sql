-- The journal's target types, one spelling each (docs/decisions/046): the Prisma model a row's targetId points at,
-- as listed in src/server/journal/events.ts. Rows written before the catalogue carry the older spellings; they are
-- rewritten so that the journal's "Cible" filter finds old and new events alike. Only the spelling changes: an
-- event's type, actor, person, target id, details and date stay as they were written.
UPDATE "AuditEvent"
SET "targetType" = CASE "targetType"
    WHEN 'tiers' THEN 'Tiers'
    WHEN 'account' THEN 'ExtranetAccount'
    WHEN 'staff' THEN 'StaffUser'
    WHEN 'message' THEN 'ContactMessage'
    WHEN 'property' THEN 'Property'
    WHEN 'lease' THEN 'Lease'
    WHEN 'document' THEN 'Document'
    WHEN 'ExtranetSession' THEN 'Session' -- the extranet's sessions before the one session model (decision 036)
  END
WHERE "targetType" IN ('tiers', 'account', 'staff', 'message', 'property', 'lease', 'document', 'ExtranetSession');

-- An import points at no row (its kind and counts are in the details).
UPDATE "AuditEvent" SET "targetType" = NULL WHERE "targetType" = 'import';

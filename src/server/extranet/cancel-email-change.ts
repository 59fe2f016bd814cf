// Moved to src/server/tiers/cancel-email-change.ts (docs/decisions/046). Kept only for src/server/import/write-import.ts,
// which is being rewritten: point it at tiers/ and delete this file.
export { cancelPendingEmailChanges } from '@/server/tiers/cancel-email-change';

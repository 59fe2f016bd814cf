import type { StaffRole } from '@/generated/prisma/enums';

// Every permission a staff member can hold, and which roles hold it: the one place where roles are defined.
export const PERMISSIONS = [
  'access:read',
  'access:write',
  'outbox:read',
  'outbox:preview',
  'outbox:send',
  'tiers:read',
  'tiers:write',
  'journal:read',
  'assistance:read',
  'assistance:write',
  'settings:write',
  'staff:manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  'access:read',
  'outbox:read',
  'outbox:preview',
  'tiers:read',
  'journal:read',
  'assistance:read',
];

const ROLE_PERMISSIONS: Record<StaffRole, ReadonlySet<Permission>> = {
  ADMIN: new Set(PERMISSIONS),
  GESTIONNAIRE: new Set([...READ, 'access:write', 'outbox:send', 'tiers:write', 'assistance:write']),
  SUPPORT: new Set(READ),
};

export function can(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  ADMIN: 'Administrateur',
  GESTIONNAIRE: 'Gestionnaire',
  SUPPORT: 'Support',
};

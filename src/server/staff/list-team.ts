import 'server-only';
import type { StaffRole } from '@/generated/prisma/enums';
import { db } from '@/server/db';
import { OPEN_SESSION_WHERE } from '@/server/session/sessions';

// Paramètres → Équipe (ADMIN): the staff list; every change to it is a use case of its own in this folder.

export type TeamMember = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  lastLoginAt: Date | null;
  disabledAt: Date | null;
  invitedAt: Date | null;
  lockedUntil: Date | null;
  activeSessions: number;
};

export async function listTeam(): Promise<TeamMember[]> {
  const now = new Date();
  const rows = await db.staffUser.findMany({
    orderBy: [{ disabledAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      lastLoginAt: true,
      disabledAt: true,
      invitedAt: true,
      lockedUntil: true,
      _count: { select: { sessions: { where: OPEN_SESSION_WHERE() } } },
    },
  });
  return rows.map(({ _count, lockedUntil, ...row }) => ({
    ...row,
    lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil : null,
    activeSessions: _count.sessions,
  }));
}

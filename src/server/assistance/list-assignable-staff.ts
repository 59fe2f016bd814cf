import 'server-only';
import { db } from '@/server/db';

/** Who a message may be given to: active staff who may act on it. */
export async function listAssignableStaff() {
  return db.staffUser.findMany({
    where: { disabledAt: null, role: { in: ['ADMIN', 'GESTIONNAIRE'] } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}

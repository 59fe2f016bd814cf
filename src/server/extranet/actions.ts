import 'server-only';
import { z } from 'zod';
import { defineStaffAction } from '@/server/auth/staff-action';
import { openSpaceView } from './space-view';

// The staff actions of the extranet domain (the person's own actions go through extranet-action.ts).

/** "Voir son espace": a 15-minute read-only view of the person's extranet (docs/decisions/026); every role may. */
const ZTiers = z.object({ tiersId: z.string().min(1).max(64) });
export const openSpaceViewAction = defineStaffAction<typeof ZTiers, { grantId: string }>({
  permission: 'access:read',
  input: ZTiers,
  async run({ input, actor, ip }) {
    const { grantId } = await openSpaceView({ type: 'STAFF', staffId: actor.id, ip }, input.tiersId);
    return { data: { grantId } };
  },
});

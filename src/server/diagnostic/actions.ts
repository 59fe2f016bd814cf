import 'server-only';
import { z } from 'zod';
import { defineStaffAction } from '@/server/auth/staff-action';
import { unlockAccount } from './unlock-account';

// The diagnostic's own fix (its other fixes are Gestion des accès' actions).

export const unlockAccountAction = defineStaffAction({
  permission: 'access:write',
  input: z.object({ tiersId: z.string().min(1) }),
  async run({ input, audit }) {
    return { message: await unlockAccount(audit, input.tiersId) };
  },
});

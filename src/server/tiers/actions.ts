import 'server-only';
import { defineStaffAction } from '@/server/auth/staff-action';
import { archiveTiers } from './archive-tiers';
import { createTiers, updateTiers } from './save-tiers';
import { ZArchiveTiers, ZTiersForm, ZTiersUpdateForm } from './schemas';

export const createTiersAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZTiersForm,
  run: ({ input, audit }) => createTiers(audit, input),
});

export const updateTiersAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZTiersUpdateForm,
  run: ({ input, audit }) => updateTiers(audit, input),
});

export const archiveTiersAction = defineStaffAction({
  permission: 'tiers:write',
  input: ZArchiveTiers,
  async run({ input, audit }) {
    return { message: await archiveTiers(audit, input.id, input.archived) };
  },
});

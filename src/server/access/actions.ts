import 'server-only';
import { defineStaffAction } from '@/server/auth/staff-action';
import { enrollAccounts } from './enroll-accounts';
import { z } from 'zod';
import { generateCredentials, resumeCredentialsJob } from './generate-credentials';
import { openSpaceView } from '@/server/extranet/space-view';
import { remindAccounts } from './remind-accounts';
import { ZSelection } from './selection';
import { unenrollAccounts } from './unenroll-accounts';

// The three buttons on the right of "Gestion des accès", acting on the ticked people. SUPPORT holds only
// access:read, so executeStaffAction refuses all three before anything is read.

export const enrollAction = defineStaffAction({
  permission: 'access:write',
  input: ZSelection,
  async run({ input, audit }) {
    const { message } = await enrollAccounts(audit, input.ids);
    return { message };
  },
});

export const unenrollAction = defineStaffAction({
  permission: 'access:write',
  input: ZSelection,
  async run({ input, audit }) {
    const { message } = await unenrollAccounts(audit, input.ids);
    return { message };
  },
});

export const generateCredentialsAction = defineStaffAction<typeof ZSelection, { jobId: string } | undefined>({
  permission: 'access:write',
  input: ZSelection,
  async run({ input, actor, ip }) {
    const { message, jobId } = await generateCredentials({ type: 'STAFF', staffId: actor.id, ip }, input.ids);
    return { message, data: jobId ? { jobId } : undefined };
  },
});

/** "Générer la lettre d'identifiants": the envelope's credentials, as letters to print (decision 025). */
export const generateLettersAction = defineStaffAction<typeof ZSelection, { jobId: string } | undefined>({
  permission: 'access:write',
  input: ZSelection,
  async run({ input, actor, ip }) {
    const audit = { type: 'STAFF' as const, staffId: actor.id, ip };
    const { message, jobId } = await generateCredentials(audit, input.ids, 'LETTER');
    return { message, data: jobId ? { jobId } : undefined };
  },
});

/** "Relancer" on a bulk envelope whose process died: finishes the people left. */
const ZJob = z.object({ jobId: z.string().min(1).max(64) });
export const resumeCredentialsJobAction = defineStaffAction<typeof ZJob, { jobId: string }>({
  permission: 'access:write',
  input: ZJob,
  async run({ input, actor, ip }) {
    const { message, jobId } = await resumeCredentialsJob({ type: 'STAFF', staffId: actor.id, ip }, input.jobId);
    return { message, data: { jobId: jobId! } };
  },
});

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

/** "Relancer" on never-activated people (docs/decisions/027): a reminder, or new credentials once expired. */
export const remindAction = defineStaffAction<typeof ZSelection, { jobId: string } | undefined>({
  permission: 'access:write',
  input: ZSelection,
  async run({ input, actor, ip }) {
    const { message, jobId } = await remindAccounts({ type: 'STAFF', staffId: actor.id, ip }, input.ids);
    return { message, data: jobId ? { jobId } : undefined };
  },
});

import 'server-only';
import { defineStaffAction } from '@/server/auth/staff-action';
import { enrollAccounts } from './enroll-accounts';
import { z } from 'zod';
import { generateCredentials, resumeCredentialsJob } from './generate-credentials';
import { listSelectedRows, SELECTION_LIMIT, type SelectedRow } from './list-accounts';
import { ZListQuery } from './schemas';
import { remindAccounts } from './remind-accounts';
import { ZSelection } from './selection';
import { UserError } from '@/server/errors';
import { db } from '@/server/db';
import { pendingCredentialMailId } from './unsent-mails';
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

/** Returns the job of a large envelope, or for one person the mail just generated (the toolbar opens its loupe). */
export const generateCredentialsAction = defineStaffAction<
  typeof ZSelection,
  { jobId?: string; mailId?: string } | undefined
>({
  permission: 'access:write',
  input: ZSelection,
  async run({ input, actor, ip }) {
    const { message, jobId } = await generateCredentials({ type: 'STAFF', staffId: actor.id, ip }, input.ids);
    if (jobId) return { message, data: { jobId } };
    const mailId = input.ids.length === 1 ? await pendingCredentialMailId(db, input.ids[0]) : null;
    return { message, data: mailId ? { mailId } : undefined };
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

/**
 * "Sélectionner les N résultats": everyone the list's filter finds, on every page. Refused past SELECTION_LIMIT,
 * with what to do. Reads only; for staff who may act on a selection.
 */
export const selectResultsAction = defineStaffAction<typeof ZListQuery, SelectedRow[]>({
  permission: 'access:write',
  input: ZListQuery,
  async run({ input }) {
    const rows = await listSelectedRows({ query: input });
    if (rows.length > SELECTION_LIMIT)
      throw new UserError(
        `Plus de ${SELECTION_LIMIT.toLocaleString('fr-FR')} personnes correspondent : affinez la recherche ou filtrez par type ou par statut, puis sélectionnez à nouveau.`,
      );
    return { data: rows };
  },
});

/** The toolbar's facts about the selected people (statuses after an action, people on other pages). */
export const describeSelectionAction = defineStaffAction<typeof ZSelection, SelectedRow[]>({
  permission: 'access:write',
  input: ZSelection,
  async run({ input }) {
    return { data: await listSelectedRows({ ids: input.ids }) };
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

import 'server-only';
import type { MailStatus } from '@/generated/prisma/enums';
import { db } from '@/server/db';
import { selectActivationFunnel } from './access.sql';

/**
 * The statuses counted as "never arrived": refused by our relay ("Échec") or bounced after it left ("Rejeté",
 * docs/decisions/022). A mail "Signalé comme spam" did arrive.
 */
export const BOUNCED_MAIL_STATUSES: MailStatus[] = ['FAILED', 'BOUNCED'];

export type ActivationFunnel = {
  /** Enrolled people whose current credentials left (a mail "Envoyé", even if bounced later, or a letter "Imprimé"). */
  sent: number;
  /** Of those, who signed in or chose a password since. */
  activated: number;
  /** Sent, never activated. */
  neverActivated: number;
  /** Never activated, and the temporary password or activation link has expired: only new credentials help. */
  expiredUnused: number;
  /** Whose latest credential mail never arrived (see BOUNCED_MAIL_STATUSES). */
  bounced: number;
};

/**
 * The activation funnel of the current enrolments (decision 010: a mail or a login from before the enrolment does not
 * count), in one statement (docs/decisions/027).
 */
export async function getActivationFunnel(now = new Date()): Promise<ActivationFunnel> {
  const row = await selectActivationFunnel(db, now, BOUNCED_MAIL_STATUSES);
  return {
    sent: Number(row.sent),
    activated: Number(row.activated),
    neverActivated: Number(row.neverActivated),
    expiredUnused: Number(row.expiredUnused),
    bounced: Number(row.bounced),
  };
}

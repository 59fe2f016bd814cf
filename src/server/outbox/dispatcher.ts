import 'server-only';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { recordEvent } from '@/server/audit/record-event';
import type { Db } from '@/server/db';
import { SECRET_PLACEHOLDER } from '@/server/mail/templates';
import { claimOutboxBatch } from './claim-outbox-batch';
import { composeMessage } from './compose-message';
import { decryptSecret } from './secret-box';
import { describeSendError } from './smtp-error';
import { DEFAULT_TIMEOUTS, type MailTransport } from './transport';

export type DispatcherOptions = {
  db: Db;
  transport: MailTransport;
  from: string;
  /** Written in leasedBy: which process holds a mail. */
  id?: string;
  batchSize?: number;
  /** Mails handed to the transport at once; match the SMTP pool size. */
  concurrency?: number;
  leaseMs?: number;
  /** The longest one send can take (connection + socket timeouts): no send starts with less lease left. */
  sendTimeoutMs?: number;
  maxAttempts?: number;
  /** First retry delay; doubled at each failure. */
  backoffMs?: number;
  pollMs?: number;
  /** Deliveries recorded per UPDATE. */
  sentFlushSize?: number;
  outboxKey?: Buffer;
};

export type RunReport = { claimed: number; sent: number; retried: number; failed: number; released: number };

export type Dispatcher = {
  id: string;
  /** Claims one batch and works it. */
  runOnce(): Promise<RunReport>;
  /** Runs batches until nothing is due. */
  drain(): Promise<RunReport>;
  /** Polls in the background until stop(); nudge() makes it look now. */
  start(): void;
  nudge(): void;
  stop(): Promise<void>;
};

type ClaimedMail = {
  id: string;
  tiersId: string | null;
  toAddress: string;
  toName: string | null;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  attempts: number;
  secretCiphertext: Uint8Array | null;
};

class PermanentFailure extends Error {}

export const DISPATCHER_DEFAULTS = {
  batchSize: 50,
  concurrency: 5,
  leaseMs: 5 * 60_000,
  maxAttempts: 5,
  backoffMs: 30_000,
  pollMs: 5_000,
  sentFlushSize: 20,
} as const;

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, transport, from } = options;
  const id = options.id ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const batchSize = options.batchSize ?? DISPATCHER_DEFAULTS.batchSize;
  const concurrency = options.concurrency ?? DISPATCHER_DEFAULTS.concurrency;
  const leaseMs = options.leaseMs ?? DISPATCHER_DEFAULTS.leaseMs;
  const sendTimeoutMs =
    options.sendTimeoutMs ?? DEFAULT_TIMEOUTS.connectionTimeoutMs + DEFAULT_TIMEOUTS.socketTimeoutMs;
  const maxAttempts = options.maxAttempts ?? DISPATCHER_DEFAULTS.maxAttempts;
  const backoffMs = options.backoffMs ?? DISPATCHER_DEFAULTS.backoffMs;
  const pollMs = options.pollMs ?? DISPATCHER_DEFAULTS.pollMs;
  const sentFlushSize = options.sentFlushSize ?? DISPATCHER_DEFAULTS.sentFlushSize;

  /**
   * Records deliveries in groups: one UPDATE for up to `sentFlushSize` mails instead of one each, which keeps the
   * dispatcher close to nodemailer's own pace. Guarded by the lease, so a dispatcher that lost its lease does not
   * overwrite the new holder's outcome. The cost: a crash loses at most one unflushed group (plus the sends in
   * flight), which a later dispatcher sends again under the same Message-ID.
   */
  async function markSent(sent: { id: string; response: string }[]) {
    if (!sent.length) return;
    await db.$executeRaw`
      UPDATE "OutboxMail" AS m
      SET status = 'SENT', "sentAt" = (now() AT TIME ZONE 'UTC'), "smtpResponse" = d.response, "secretCiphertext" = NULL,
          attempts = m.attempts + 1, "lastError" = NULL, "leaseUntil" = NULL, "leasedBy" = NULL, "nextAttemptAt" = NULL,
          "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM unnest(${sent.map((x) => x.id)}::text[], ${sent.map((x) => x.response.slice(0, 500))}::text[]) AS d(id, response)
      WHERE m.id = d.id AND m."leasedBy" = ${id} AND m.status = 'SENDING'`;
  }

  async function markFailed(mail: ClaimedMail, reason: string, permanent: boolean): Promise<'retried' | 'failed'> {
    const attempts = mail.attempts + 1;
    if (!permanent && attempts < maxAttempts) {
      await db.outboxMail.updateMany({
        where: { id: mail.id, leasedBy: id, status: 'SENDING' },
        data: {
          attempts,
          lastError: reason,
          nextAttemptAt: new Date(Date.now() + backoffMs * 2 ** (attempts - 1)),
          leaseUntil: null,
          leasedBy: null,
        },
      });
      return 'retried';
    }
    await db.$transaction(async (tx) => {
      const { count } = await tx.outboxMail.updateMany({
        where: { id: mail.id, leasedBy: id, status: 'SENDING' },
        data: { status: 'FAILED', attempts, lastError: reason, nextAttemptAt: null, leaseUntil: null, leasedBy: null },
      });
      if (count)
        await recordEvent(
          tx,
          { type: 'SYSTEM' },
          {
            type: 'mail.failed',
            tiersId: mail.tiersId,
            targetType: 'OutboxMail',
            targetId: mail.id,
            details: { attempts, reason },
          },
        );
    });
    return 'failed';
  }

  function secretOf(mail: ClaimedMail): string {
    if (!mail.html.includes(SECRET_PLACEHOLDER) && !mail.text.includes(SECRET_PLACEHOLDER)) return '';
    if (!mail.secretCiphertext)
      throw new PermanentFailure('Le secret de ce mail a été effacé : générez de nouveaux identifiants.');
    try {
      return decryptSecret(mail.secretCiphertext, options.outboxKey);
    } catch {
      throw new PermanentFailure(
        'Le secret de ce mail ne peut pas être déchiffré (la clé OUTBOX_KEY a changé ?) : générez de nouveaux identifiants.',
      );
    }
  }

  async function deliver(mail: ClaimedMail, report: RunReport, sent: { id: string; response: string }[]) {
    let response: string;
    try {
      ({ response } = await transport.send(composeMessage(mail, secretOf(mail), from)));
    } catch (error) {
      const permanent = error instanceof PermanentFailure;
      const outcome = await markFailed(mail, permanent ? error.message : describeSendError(error), permanent);
      report[outcome]++;
      return;
    }
    sent.push({ id: mail.id, response });
    report.sent++;
    if (sent.length >= sentFlushSize) await markSent(sent.splice(0));
  }

  async function runOnce(): Promise<RunReport> {
    const report: RunReport = { claimed: 0, sent: 0, retried: 0, failed: 0, released: 0 };
    const claimedAt = Date.now();
    const ids = await claimOutboxBatch(db, id, batchSize, leaseMs);
    report.claimed = ids.length;
    if (!ids.length) return report;
    const mails: ClaimedMail[] = await db.outboxMail.findMany({
      where: { id: { in: ids }, leasedBy: id },
      select: {
        id: true,
        tiersId: true,
        toAddress: true,
        toName: true,
        subject: true,
        html: true,
        text: true,
        messageId: true,
        attempts: true,
        secretCiphertext: true,
      },
    });
    // A send that could outlive the lease might overlap another dispatcher's: give such mails back instead.
    const lastStart = claimedAt + leaseMs - sendTimeoutMs;
    const unsent: string[] = [];
    const sent: { id: string; response: string }[] = [];
    let next = 0;
    const lane = async () => {
      while (next < mails.length) {
        const mail = mails[next++];
        if (Date.now() > lastStart) unsent.push(mail.id);
        else await deliver(mail, report, sent);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, mails.length) }, lane));
    } finally {
      await markSent(sent.splice(0));
    }
    if (unsent.length) {
      const { count } = await db.outboxMail.updateMany({
        where: { id: { in: unsent }, leasedBy: id, status: 'SENDING' },
        data: { leaseUntil: null, leasedBy: null },
      });
      report.released = count;
    }
    return report;
  }

  async function drain(): Promise<RunReport> {
    const total: RunReport = { claimed: 0, sent: 0, retried: 0, failed: 0, released: 0 };
    for (;;) {
      const r = await runOnce();
      for (const k of Object.keys(total) as (keyof RunReport)[]) total[k] += r[k];
      if (r.claimed < batchSize || r.released) return total;
    }
  }

  let stopped = true;
  let nudged = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;

  return {
    id,
    runOnce,
    drain,
    start() {
      if (loop) return;
      stopped = false;
      loop = (async () => {
        while (!stopped) {
          nudged = false;
          try {
            await drain();
          } catch (error) {
            // Database unreachable or similar: logged without mail content, retried at the next poll.
            console.error(`[outbox ${id}] dispatch run failed:`, (error as Error)?.message ?? error);
          }
          if (stopped || nudged) continue;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            timer.unref?.();
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      })();
    },
    nudge() {
      nudged = true;
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      loop = null;
      transport.close();
    },
  };
}
